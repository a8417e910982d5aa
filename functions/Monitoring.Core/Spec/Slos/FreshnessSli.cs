namespace Monitoring.Core.Spec;

/// <summary>Good = a minute in which the data check found its data fresh. Budgeted by time slices.</summary>
/// <param name="DataCheck">The data check (data checks arrive in a later version, so this SLI is not evaluable yet).</param>
public sealed record FreshnessSli(string DataCheck) : SliSpec
{
    /// <inheritdoc/>
    public override string Kind => "freshness";
}
