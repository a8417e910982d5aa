using Monitoring.Core.Alerting;
using Monitoring.Core.Backtest;
using Monitoring.Core.Slo;
using Xunit;

namespace Monitoring.Core.Tests.Backtest;

public sealed class BacktestSimulatorTests
{
    private const string Outage = """
        slo: { objective: 99.9 }
        checkRate: 1
        duration: 1d
        incidents:
          - { start: 2h, duration: 10m, errorRate: 1 }
        """;

    [Fact]
    public async Task RunAsync_PagesFromTheCheckAlertWithin20Seconds_WhenAOnceAMinuteCheckGoesHardDown()
    {
        var scenario = BacktestScenarioParser.Parse(Outage, "outage.yaml")[0];

        var run = await BacktestSimulator.RunAsync(scenario, TestContext.Current.CancellationToken);

        // The run at the outage's start fails, and two confirmation runs 10 and 20 seconds later fire the alert;
        // the SLO's page is absorbed by it, so the outage is one page thread.
        var first = run.Notifications[0];
        Assert.Equal(BacktestSimulator.CheckAlert(scenario).Key, first.Key);
        Assert.Equal(AlertNotifyKind.Firing, first.Notify);
        Assert.Equal(TimeSpan.FromSeconds(20), first.At - (BacktestRun.Start + scenario.Incidents[0].Start));
        Assert.Equal(1, run.Notifications.Count(BacktestScorer.IsPage));
    }

    [Fact]
    public async Task RunAsync_ConfirmsEachChangeOnTheNextTick_AsTheAppSchedulesIt()
    {
        var scenario = BacktestScenarioParser.Parse(Outage.Replace("duration: 10m", "duration: 1m", StringComparison.Ordinal), "blip.yaml")[0];

        var run = await BacktestSimulator.RunAsync(scenario, TestContext.Current.CancellationToken);

        // Minute 120 fails three times (the run and two confirmations); minute 121 recovers with two good runs
        // (the run and one confirmation, the success threshold); minute 122 is back to one run.
        Assert.Equal(new WindowCounts(0, 3), run.Series.Window(120, TimeSpan.FromMinutes(1)));
        Assert.Equal(new WindowCounts(2, 2), run.Series.Window(121, TimeSpan.FromMinutes(1)));
        Assert.Equal(new WindowCounts(1, 1), run.Series.Window(122, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task RunAsync_PagesWithinTwoMinutes_WhenATotalOutageHitsANinetyNinePointNineSloOverRequests()
    {
        var scenario = BacktestScenarioParser.Parse("events: requests\n" + Outage, "outage.yaml")[0];

        var run = await BacktestSimulator.RunAsync(scenario, TestContext.Current.CancellationToken);

        var first = run.Notifications[0];
        Assert.Equal(SloBurnAlerts.PageKey(scenario.Slo.Name), first.Key);
        Assert.Equal(AlertNotifyKind.Firing, first.Notify);
        Assert.Equal(TimeSpan.FromMinutes(2), first.At - (BacktestRun.Start + scenario.Incidents[0].Start));
    }

    [Fact]
    public async Task RunAsync_SendsOneThread_WhenATotalOutageBreachesPageAndTicketPairs()
    {
        var scenario = BacktestScenarioParser.Parse("events: requests\n" + Outage, "outage.yaml")[0];

        var result = BacktestScorer.Score(await BacktestSimulator.RunAsync(scenario, TestContext.Current.CancellationToken));

        // The ticket pairs breach for hours after the outage, but the page inhibits and absorbs them.
        var incident = Assert.Single(result.Incidents);
        Assert.Equal(BacktestTruth.Page, incident.Truth);
        Assert.True(incident.Paged);
        Assert.Equal(2, incident.Notifications);
        Assert.NotNull(incident.Reset);
    }

    [Fact]
    public async Task RunAsync_NotifiesNoDataNotAPage_WhenTheChecksStopReporting()
    {
        var scenario = BacktestScenarioParser.Parse("slo: { objective: 99.9 }\nduration: 1d\nincidents:\n  - { start: 2h, duration: 30m, kind: no-data }\n", "quiet.yaml")[0];

        var run = await BacktestSimulator.RunAsync(scenario, TestContext.Current.CancellationToken);

        Assert.Equal([SloBurnAlerts.NoDataKey(scenario.Slo.Name)], run.Notifications.Select(n => n.Key).Distinct());
    }
}
