namespace Monitoring.Core.Spec;

/// <summary>
/// Good = a minute in which the data check found its data fresh: none of its freshness results (<c>MonitorDataCheck_CL</c>
/// rows with Kind <c>freshness</c>) that minute failed; Degraded is still fresh. Budgeted by time slices.
/// </summary>
/// <param name="DataCheck">The data check whose freshness results are the events: a name under <c>dataChecks</c> whose rules include <c>freshness</c> (the loader makes sure).</param>
public sealed record FreshnessSli(string DataCheck) : SliSpec
{
    /// <inheritdoc/>
    public override string Kind => "freshness";
}
