using Monitoring.Core.Alerting;
using Monitoring.Core.Backtest;
using Xunit;

namespace Monitoring.Core.Tests.Backtest;

/// <summary>The acceptance figures over the shipped suite (backtest/scenarios), with the product's defaults.</summary>
public sealed class BacktestSuiteTests
{
    private static readonly Lazy<Task<(BacktestRun[] Runs, BacktestSummary Summary)>> Suite = new(RunSuiteAsync);

    [Fact]
    public async Task Suite_PagesEveryPageWorthyIncident()
    {
        var (_, summary) = await Suite.Value;

        var missed = summary.Scenarios.SelectMany(s => s.Incidents.Select(i => (s.Scenario.Name, Incident: i)))
            .Where(x => x.Incident.Truth == BacktestTruth.Page && !x.Incident.Paged)
            .Select(x => $"{x.Name} at {x.Incident.Incident.Start}");
        Assert.Empty(missed);
        Assert.Equal(1.0, summary.PageRecall);
    }

    [Fact]
    public async Task Suite_HasAPagePrecisionOfAtLeastNinetyFivePercent()
    {
        var (_, summary) = await Suite.Value;

        Assert.NotNull(summary.PagePrecision);
        Assert.True(summary.PagePrecision >= 0.95, $"page precision {summary.PagePrecision:P1}");
    }

    [Fact]
    public async Task Suite_NeverNotifiesInsideAMaintenanceWindow_AndPagesWhenOneClosesOnAnOutage()
    {
        var (runs, summary) = await Suite.Value;

        Assert.Contains(summary.Scenarios, s => !s.Scenario.Maintenance.IsEmpty);
        Assert.All(summary.Scenarios, s => Assert.Equal(0, s.NotificationsInMaintenance));
        var overrun = runs.Single(r => r.Scenario.Name == "maintenance-outage-overruns");
        var page = Assert.Single(overrun.Notifications, BacktestScorer.IsPage);
        Assert.Equal(BacktestRun.Start + overrun.Scenario.Maintenance[0].End, page.At);
        Assert.Empty(runs.Single(r => r.Scenario.Name == "maintenance-outage-inside").Notifications);
    }

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

        // Every critical alert pages: the SLO's page and the check's failing alert. A second page, from either,
        // needs the page before it to have resolved first, so one incident is never paged twice at once.
        foreach (var run in runs)
        {
            var pages = run.Notifications.Where(BacktestScorer.IsPage).ToList();
            for (var i = 1; i < pages.Count; i++)
            {
                var previous = pages[i - 1];
                Assert.True(
                    run.Notifications.Any(n => n.Key == previous.Key && n.Notify == AlertNotifyKind.Resolved && n.At > previous.At && n.At <= pages[i].At),
                    $"{run.Scenario.Name}: {pages[i].Key} paged at {pages[i].At:u} while {previous.Key}, paged at {previous.At:u}, was still open");
            }
        }
    }

    [Fact]
    public async Task Suite_PagesEveryTotalOutage_WhenItLastsTwoMinutesOrMore()
    {
        var (_, summary) = await Suite.Value;

        var outages = summary.Scenarios.Where(s => s.Scenario.Maintenance.IsEmpty).SelectMany(s => s.Incidents)
            .Where(i => i.Incident is { ErrorRate: 1, Flapping: null, Kind: BacktestIncidentKind.Errors } && i.Incident.Duration >= TimeSpan.FromMinutes(2))
            .ToList();
        Assert.NotEmpty(outages);
        Assert.All(outages, o => Assert.True(o.Paged && o.Detection <= TimeSpan.FromMinutes(2)));

        // At one check a minute the check's failing alert pages within the minute (the third failed run, confirmed
        // on 10-second ticks), before the minutely burn rates could.
        var checkOutages = summary.Scenarios.Where(s => s.Scenario.SimulatesCheckRuns && s.Scenario.Maintenance.IsEmpty)
            .SelectMany(s => s.Incidents)
            .Where(i => i.Incident is { ErrorRate: 1, Flapping: null, Kind: BacktestIncidentKind.Errors } && i.Incident.Duration >= TimeSpan.FromMinutes(2))
            .ToList();
        Assert.NotEmpty(checkOutages);
        Assert.All(checkOutages, o => Assert.True(o.Detection <= TimeSpan.FromMinutes(1), $"detected after {o.Detection}"));
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
