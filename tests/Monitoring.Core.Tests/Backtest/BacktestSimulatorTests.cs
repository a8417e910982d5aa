using Monitoring.Core.Alerting;
using Monitoring.Core.Backtest;
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
    public async Task RunAsync_PagesWithinTwoMinutes_WhenATotalOutageHitsANinetyNinePointNineSlo()
    {
        var scenario = BacktestScenarioParser.Parse(Outage, "outage.yaml")[0];

        var run = await BacktestSimulator.RunAsync(scenario, TestContext.Current.CancellationToken);

        var first = run.Notifications[0];
        Assert.Equal(SloBurnAlerts.PageKey(scenario.Slo.Name), first.Key);
        Assert.Equal(AlertNotifyKind.Firing, first.Notify);
        Assert.Equal(TimeSpan.FromMinutes(2), first.At - (BacktestRun.Start + scenario.Incidents[0].Start));
    }

    [Fact]
    public async Task RunAsync_SendsOneThread_WhenATotalOutageBreachesPageAndTicketPairs()
    {
        var scenario = BacktestScenarioParser.Parse(Outage, "outage.yaml")[0];

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
