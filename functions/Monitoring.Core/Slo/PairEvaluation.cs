namespace Monitoring.Core.Slo;

/// <summary>One burn-rate pair, evaluated.</summary>
/// <param name="Pair">The pair.</param>
/// <param name="LongWindow">The long window's events.</param>
/// <param name="ShortWindow">The short window's events.</param>
/// <param name="LongBurnRate">The long window's burn rate; null when it is empty.</param>
/// <param name="ShortBurnRate">The short window's burn rate; null when it is empty.</param>
/// <param name="Burning">Both windows burn faster than the factor.</param>
/// <param name="Firing">Burning, and both windows hold enough bad events for the low-traffic policy.</param>
public sealed record PairEvaluation(
    BurnRateWindowPair Pair,
    WindowCounts LongWindow,
    WindowCounts ShortWindow,
    double? LongBurnRate,
    double? ShortBurnRate,
    bool Burning,
    bool Firing)
{
    /// <summary>A window of the pair is empty: no ratio, so no verdict (no-data, never a burn).</summary>
    public bool NoData => !LongWindow.HasData || !ShortWindow.HasData;

    /// <summary>Burning, but held back by the low-traffic policy (too few bad events to page on).</summary>
    public bool HeldByMinBadEvents => Burning && !Firing;
}
