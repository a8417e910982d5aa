using Monitoring.Core.Slo;
using Monitoring.Core.Spec;

namespace Monitoring.Functions.Api;

/// <summary>One burn-rate pair of an SLO in <c>GET /api/slos</c>.</summary>
/// <param name="Severity">page or ticket.</param>
/// <param name="LongWindow">The long window, e.g. <c>1h</c>.</param>
/// <param name="ShortWindow">The short window, e.g. <c>5m</c>.</param>
/// <param name="Factor">The burn rate both windows must exceed.</param>
/// <param name="LongBurnRate">The long window's burn rate; null when empty.</param>
/// <param name="ShortBurnRate">The short window's burn rate; null when empty.</param>
/// <param name="Firing">Both windows exceed the factor and hold enough bad events.</param>
/// <param name="HeldByMinBadEvents">Burning, but held back by the low-traffic policy.</param>
public sealed record SloPairView(string Severity, string LongWindow, string ShortWindow, double Factor, double? LongBurnRate, double? ShortBurnRate, bool Firing, bool HeldByMinBadEvents)
{
    /// <summary>The view of <paramref name="pair"/>.</summary>
    public static SloPairView From(PairEvaluation pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        return new SloPairView(
            pair.Pair.Severity == BurnRateSeverity.Page ? "page" : "ticket",
            Durations.Format(pair.Pair.LongWindow),
            Durations.Format(pair.Pair.ShortWindow),
            pair.Pair.Factor,
            pair.LongBurnRate,
            pair.ShortBurnRate,
            pair.Firing,
            pair.HeldByMinBadEvents);
    }
}
