using Monitoring.Core.Alerting;
using Monitoring.Core.Backtest;
using Xunit;

namespace Monitoring.Core.Tests.Backtest;

/// <summary>
/// The acceptance figures over the shipped suite (backtest/scenarios) that the current defaults meet.
/// Page recall and page precision do not meet their targets yet; they are measured and explained in
/// docs/BACKTEST.md rather than asserted here, and get their tests when the policy meets them.
/// </summary>
public sealed class BacktestSuiteTests
{
    private static readonly Lazy<Task<(BacktestRun[] Runs, BacktestSummary Summary)>> Suite = new(RunSuiteAsync);

    [Fact]
    public async Task Suite_PagesAtMostOncePer30HealthyDays_WhenOneCheckPerMinuteFailsAtRandom()
    {
        var (_, summary) = await Suite.Value;

        Assert.True(summary.HealthyDays >= 300, "the suite must hold at least ten healthy months");
        Assert.NotNull(summary.HealthyFalsePagesPer30Days);
        Assert.InRange(summary.HealthyFalsePagesPer30Days.Value, 0, 1);
    }

    [Fact]
    public async Task Suite_OpensASecondPageOnlyAfterTheFirstResolved_WhenAnIncidentPagesTwice()
    {
        var (runs, _) = await Suite.Value;

        foreach (var run in runs)
        {
            var page = run.Notifications.Where(n => n.Key == SloBurnAlerts.PageKey(run.Scenario.Slo.Name)).ToList();
            for (var i = 1; i < page.Count; i++)
            {
                if (page[i].Notify == AlertNotifyKind.Firing)
                {
                    Assert.Equal(AlertNotifyKind.Resolved, page[i - 1].Notify);
                }
            }
        }
    }

    [Fact]
    public async Task Suite_PagesEveryTotalOutage_WhenItLastsTwoMinutesOrMore()
    {
        var (_, summary) = await Suite.Value;

        var outages = summary.Scenarios.SelectMany(s => s.Incidents)
            .Where(i => i.Incident is { ErrorRate: 1, Flapping: null, Kind: BacktestIncidentKind.Errors } && i.Incident.Duration >= TimeSpan.FromMinutes(2))
            .ToList();
        Assert.NotEmpty(outages);
        Assert.All(outages, o => Assert.True(o.Paged && o.Detection <= TimeSpan.FromMinutes(2)));
    }

    private static async Task<(BacktestRun[] Runs, BacktestSummary Summary)> RunSuiteAsync()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Backtest", "Scenarios");
        var scenarios = Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal)
            .SelectMany(f => BacktestScenarioParser.Parse(File.ReadAllText(f), Path.GetFileName(f)));
        var runs = await Task.WhenAll(scenarios.Select(s => Task.Run(() => BacktestSimulator.RunAsync(s, CancellationToken.None))));
        return (runs, BacktestSummary.From(runs.Select(BacktestScorer.Score)));
    }
}
