using System.Collections.Immutable;
using Monitoring.Core.Spec;

namespace Monitoring.Core.Slo;

/// <summary>An SLO evaluated at one instant: attainment, budget, burn rates and the alert it calls for.</summary>
/// <param name="Slo">The SLO.</param>
/// <param name="EvaluatedAt">When (UTC).</param>
/// <param name="Period">The events of the whole SLO period.</param>
/// <param name="Attainment">Good / total over the period, in percent; null with no events.</param>
/// <param name="BudgetRemaining">Error budget left over the period, in percent; null with no events.</param>
/// <param name="BurnRates">Burn rate per <see cref="BurnRateWindows.ReportedWindows"/> window; null for an empty window.</param>
/// <param name="Pairs">Every burn-rate pair, evaluated.</param>
/// <param name="AlertState">The strongest firing pair's severity.</param>
/// <param name="NotEvaluableReason">Why the SLI could not be counted; null when it was.</param>
public sealed record SloStatus(
    SloSpec Slo,
    DateTimeOffset EvaluatedAt,
    WindowCounts Period,
    double? Attainment,
    double? BudgetRemaining,
    ImmutableDictionary<TimeSpan, double?> BurnRates,
    ImmutableArray<PairEvaluation> Pairs,
    SloAlertState AlertState,
    string? NotEvaluableReason)
{
    /// <summary>
    /// The SLO gets no data now: its shortest alerting window is empty. This is its own condition (checks stopped
    /// running, or never ran), never a burn.
    /// </summary>
    public bool NoData => NotEvaluableReason is null && Pairs.Length > 0 && Pairs.MinBy(p => p.Pair.ShortWindow)!.ShortWindow.Total == 0;
}
