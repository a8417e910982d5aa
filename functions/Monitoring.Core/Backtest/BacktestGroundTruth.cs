namespace Monitoring.Core.Backtest;

/// <summary>
/// Classifies an incident by the share of the error budget its own minutes consume in the worst span of each
/// length. The budget is (1 − objective) × the events of a whole SLO window at the scenario's traffic.
/// </summary>
public static class BacktestGroundTruth
{
    /// <summary>The page and ticket thresholds: (span, budget share in percent), as ALERTING.md defines them.</summary>
    private static readonly (TimeSpan Span, double Percent, BacktestTruth Truth)[] Thresholds =
    [
        (TimeSpan.FromHours(1), 2, BacktestTruth.Page),
        (TimeSpan.FromHours(6), 5, BacktestTruth.Page),
        (TimeSpan.FromDays(3), 10, BacktestTruth.Ticket),
    ];

    /// <summary>The budget in events: (1 − objective) × events per minute × minutes of the SLO window.</summary>
    public static double BudgetEvents(BacktestScenario scenario, BacktestSeries series)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(series);
        // A recorded series has no nominal rate: its mean rate stands in for it.
        var perMinute = scenario.Series.Length > 0 && series.Minutes > 0 ? (double)series.Total / series.Minutes : scenario.CheckRate;
        return scenario.Slo.ErrorBudget * perMinute * scenario.Slo.Period.TotalMinutes;
    }

    /// <summary>
    /// The largest share of the budget (percent) that the incident's minutes consume in any span of
    /// <paramref name="span"/>. Minutes inside the scenario's maintenance windows do not count: nobody is to be
    /// told about them while the window is open, and what still fails after it ends counts from then.
    /// </summary>
    public static double WorstShare(BacktestScenario scenario, BacktestSeries series, BacktestIncident incident, TimeSpan span, double budgetEvents)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(incident);
        var start = (int)incident.Start.TotalMinutes;
        var end = (int)incident.End.TotalMinutes;
        var length = (int)span.TotalMinutes;
        long worst = 0;
        // Only spans that overlap the incident matter, and a span is worth the incident minutes inside it.
        for (var from = start - length + 1; from < end; from++)
        {
            worst = Math.Max(worst, BadOutsideMaintenance(scenario, series, Math.Max(from, start), Math.Min(from + length, end)));
        }

        return 100.0 * worst / budgetEvents;
    }

    /// <summary>Page, ticket or ignore for <paramref name="incident"/>.</summary>
    public static BacktestTruth Classify(BacktestScenario scenario, BacktestSeries series, BacktestIncident incident, double budgetEvents)
    {
        foreach (var (span, percent, truth) in Thresholds)
        {
            // The tolerance keeps exactly 2% of the budget on the page-worthy side despite rounding.
            if (WorstShare(scenario, series, incident, span, budgetEvents) >= percent * (1 - 1e-9))
            {
                return truth;
            }
        }

        return BacktestTruth.Ignore;
    }

    private static long BadOutsideMaintenance(BacktestScenario scenario, BacktestSeries series, int from, int to)
    {
        var bad = series.Bad(from, to);
        foreach (var window in scenario.Maintenance)
        {
            var overlapFrom = Math.Max(from, (int)window.Start.TotalMinutes);
            var overlapTo = Math.Min(to, (int)window.End.TotalMinutes);
            if (overlapFrom < overlapTo)
            {
                bad -= series.Bad(overlapFrom, overlapTo);
            }
        }

        return bad;
    }
}
