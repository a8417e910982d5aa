using Monitoring.Core.Backtest;
using Monitoring.Core.Slo;
using Xunit;

namespace Monitoring.Core.Tests.Backtest;

public sealed class BacktestGroundTruthTests
{
    [Theory]
    // 99.9% over 30 days at 60 events a minute: the budget is 2592 bad events.
    // Page: 2% (51.84 events) in an hour, or 5% (129.6) in 6 hours.
    [InlineData(52, 1.0, BacktestTruth.Page)]      // 52 bad in the hour: 2.01%
    [InlineData(51, 1.0, BacktestTruth.Ignore)]    // 51 bad: 1.97%, and nothing more anywhere
    [InlineData(360, 0.4, BacktestTruth.Page)]     // 144 bad in 6 hours (5.6%), 24 in any hour (0.9%)
    [InlineData(360, 0.3, BacktestTruth.Ignore)]   // 108 bad in 6 hours (4.2%), under 10% in 3 days
    // Ticket: 10% (259.2 events) in 3 days, neither page threshold met.
    [InlineData(4320, 0.07, BacktestTruth.Ticket)] // 302 bad over 3 days (11.7%), 25 in 6 hours
    [InlineData(4320, 0.05, BacktestTruth.Ignore)] // 216 bad over 3 days (8.3%)
    public void Classify_FollowsTheBudgetThresholds_WhenTheIncidentBurnsAtAConstantRate(int minutes, double badPerMinute, BacktestTruth expected)
    {
        // Fractional rates are spread evenly: each minute takes the whole bad events owed so far.
        var counts = new WindowCounts[minutes];
        double owed = 0;
        for (var i = 0; i < minutes; i++)
        {
            owed += badPerMinute;
            var bad = (int)Math.Floor(owed + 1e-9);
            owed -= bad;
            counts[i] = new WindowCounts(60 - bad, 60);
        }

        var scenario = Scenario(counts);
        var series = BacktestSeries.For(scenario);

        Assert.Equal(expected, BacktestGroundTruth.Classify(scenario, series, scenario.Incidents[0], BacktestGroundTruth.BudgetEvents(scenario, series)));
    }

    [Fact]
    public void Classify_CallsASingleFailedMinutePageWorthy_WhenTheSloIsNinetyNinePointNine()
    {
        // One bad minute of a 30-day month is 1/43.2 = 2.3% of a 99.9% budget, whatever the traffic:
        // by the ground truth, a blip is page-worthy (see docs/BACKTEST.md, "Findings").
        var scenario = Scenario([new WindowCounts(0, 1)]) with { CheckRate = 1 };
        var series = BacktestSeries.For(scenario);

        Assert.Equal(BacktestTruth.Page, BacktestGroundTruth.Classify(scenario, series, scenario.Incidents[0], BacktestGroundTruth.BudgetEvents(scenario, series)));
    }

    [Fact]
    public void Classify_Ignores_WhenTheIncidentHasNoData()
    {
        var scenario = Scenario([.. Enumerable.Repeat(WindowCounts.Empty, 30)]) with { CheckRate = 1 };
        var series = BacktestSeries.For(scenario);

        Assert.Equal(BacktestTruth.Ignore, BacktestGroundTruth.Classify(scenario, series, scenario.Incidents[0], 43.2));
    }

    private static BacktestScenario Scenario(WindowCounts[] minutes) => new(
        "truth",
        Slo.SloFixtures.Checkout,
        60,
        TimeSpan.FromMinutes(minutes.Length),
        0,
        1,
        [new BacktestIncident(TimeSpan.Zero, TimeSpan.FromMinutes(minutes.Length), 1, BacktestIncidentKind.Errors, null)],
        [.. minutes]);
}
