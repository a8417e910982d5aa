namespace Monitoring.Core.Spec;

/// <summary>Good = a minute in which the data check found its data fresh. Budgeted by time slices.</summary>
/// <param name="DataCheck">The data check, a name under <c>dataChecks</c> whose rules include <c>freshness</c> (the loader makes sure).</param>
public sealed record FreshnessSli(string DataCheck) : SliSpec
{
    /// <inheritdoc/>
    public override string Kind => "freshness";
}
