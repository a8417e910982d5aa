using System.Collections.Immutable;
using Monitoring.Core.Alerting;
using Monitoring.Core.Slo;

namespace Monitoring.Core.Backtest;

/// <summary>Scores a run against its ground truth (ALERTING.md, "Measuring alert quality").</summary>
public static class BacktestScorer
{
    // Notifications belong to the last incident that started before them, for at most this long after it ends:
    // longer than any pair's short window plus the keep-firing period, so a thread's resolve is counted.
    private static readonly TimeSpan AttributionAfterEnd = TimeSpan.FromDays(1);

    /// <summary>Scores <paramref name="run"/>.</summary>
    public static BacktestScenarioResult Score(BacktestRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var scenario = run.Scenario;
        var matchAfterEnd = scenario.Slo.Alerting.Windows.Where(p => p.Severity == BurnRateSeverity.Page).Select(p => p.LongWindow).DefaultIfEmpty(TimeSpan.Zero).Max();
        var budget = BacktestGroundTruth.BudgetEvents(scenario, run.Series);
        // A page is any critical alert's incident opening: the SLO's page, or the check's failing alert.
        var pages = run.Notifications.Where(IsPage).ToList();
        var matched = new HashSet<AlertTransition>();
        var results = ImmutableArray.CreateBuilder<BacktestIncidentResult>();
        for (var i = 0; i < scenario.Incidents.Length; i++)
        {
            var incident = scenario.Incidents[i];
            var start = BacktestRun.Start + incident.Start;
            var end = BacktestRun.Start + incident.End;
            var attributionEnd = end + AttributionAfterEnd;
            if (i + 1 < scenario.Incidents.Length && BacktestRun.Start + scenario.Incidents[i + 1].Start < attributionEnd)
            {
                attributionEnd = BacktestRun.Start + scenario.Incidents[i + 1].Start;
            }

            var truth = BacktestGroundTruth.Classify(scenario, run.Series, incident, budget);
            var thread = run.Notifications.Where(n => n.At > start && n.At <= attributionEnd).ToList();
            var pageMatches = truth == BacktestTruth.Page ? pages.Where(p => p.At > start && p.At <= end + matchAfterEnd).ToList() : [];
            matched.UnionWith(pageMatches);
            var first = thread.FirstOrDefault();
            var lastResolved = thread.LastOrDefault(n => n.Notify == AlertNotifyKind.Resolved);
            var stillOpen = first is not null && thread.Last().Notify != AlertNotifyKind.Resolved;
            results.Add(new BacktestIncidentResult(
                incident,
                truth,
                BacktestGroundTruth.WorstShare(scenario, run.Series, incident, TimeSpan.FromHours(1), budget),
                first,
                first is null ? null : first.At - start,
                lastResolved is null || stillOpen ? null : lastResolved.At - end,
                thread.Count,
                thread.Count(IsPage),
                pageMatches.Count > 0));
        }

        var inMaintenance = run.Notifications.Count(n => scenario.InMaintenance(n.At - BacktestRun.Start));
        return new BacktestScenarioResult(scenario, results.ToImmutable(), pages.Count, pages.Count(p => !matched.Contains(p)), run.Notifications.Length)
        {
            NotificationsInMaintenance = inMaintenance,
        };
    }

    /// <summary>True for the notification that opens a page: a critical alert's first firing notification of an incident.</summary>
    public static bool IsPage(AlertTransition notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return notification.Notify == AlertNotifyKind.Firing && notification.Definition.Severity == AlertSeverity.Critical;
    }
}
