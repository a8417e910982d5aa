using System.Collections.Immutable;
using Monitoring.Core.Spec;

namespace Monitoring.Core.Slo;

/// <summary>
/// Evaluates an SLO from its window counts: attainment, budget, burn rates, and which multiwindow pairs fire.
/// Pure: the counts come from an <see cref="Ports.ISliReader"/>, the instant from the caller.
/// </summary>
public static class BurnRateEvaluator
{
    // A burn rate within a billionth of the factor counts as equal to it: the factor written in the spec (14.4) is
    // the boundary, and floating-point rounding of bad / total / (1 − 0.999) must not decide which side a burn is on.
    private const double FactorTolerance = 1e-9;

    /// <summary>Every window the SLOs need counted: their periods, their pairs' windows and the reported windows, shortest first.</summary>
    public static ImmutableArray<TimeSpan> WindowsFor(IEnumerable<SloSpec> slos)
    {
        ArgumentNullException.ThrowIfNull(slos);
        var windows = new SortedSet<TimeSpan>(BurnRateWindows.ReportedWindows);
        foreach (var slo in slos)
        {
            windows.Add(slo.Period);
            foreach (var pair in slo.Alerting.Windows)
            {
                windows.Add(pair.LongWindow);
                windows.Add(pair.ShortWindow);
            }
        }

        return [.. windows];
    }

    /// <summary>Evaluates <paramref name="slo"/> at <paramref name="now"/> from <paramref name="counts"/>.</summary>
    public static SloStatus Evaluate(SloSpec slo, SliWindowCounts counts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(slo);
        ArgumentNullException.ThrowIfNull(counts);
        if (!counts.IsEvaluable)
        {
            return new SloStatus(slo, now, WindowCounts.Empty, null, null, ImmutableDictionary<TimeSpan, double?>.Empty, [], SloAlertState.None, counts.NotEvaluableReason);
        }

        var budget = slo.ErrorBudget;
        var period = counts[slo.Period];
        var burnRates = BurnRateWindows.ReportedWindows.ToImmutableDictionary(w => w, w => SloMath.BurnRate(counts[w], budget));
        var pairs = slo.Alerting.Windows.Select(pair => EvaluatePair(pair, counts[pair.LongWindow], counts[pair.ShortWindow], budget, slo.Alerting.MinBadEvents)).ToImmutableArray();
        var state = pairs.Any(p => p.Firing && p.Pair.Severity == BurnRateSeverity.Page) ? SloAlertState.Page
            : pairs.Any(p => p.Firing) ? SloAlertState.Ticket
            : SloAlertState.None;
        return new SloStatus(slo, now, period, SloMath.Attainment(period), SloMath.BudgetRemaining(period, budget), burnRates, pairs, state, null);
    }

    /// <summary>
    /// One pair: it burns when BOTH windows' burn rates exceed the factor (an empty window has none, so it never
    /// burns), and fires when each window also holds at least <paramref name="minBadEvents"/> bad events.
    /// </summary>
    public static PairEvaluation EvaluatePair(BurnRateWindowPair pair, WindowCounts longWindow, WindowCounts shortWindow, double errorBudget, int minBadEvents)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var longRate = SloMath.BurnRate(longWindow, errorBudget);
        var shortRate = SloMath.BurnRate(shortWindow, errorBudget);
        var threshold = pair.Factor * (1 + FactorTolerance);
        var burning = longRate > threshold && shortRate > threshold;
        var enough = longWindow.Bad >= minBadEvents && shortWindow.Bad >= minBadEvents;
        return new PairEvaluation(pair, longWindow, shortWindow, longRate, shortRate, burning, burning && enough);
    }
}
