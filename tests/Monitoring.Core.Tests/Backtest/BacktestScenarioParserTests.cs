using Monitoring.Core.Backtest;
using Xunit;

namespace Monitoring.Core.Tests.Backtest;

public sealed class BacktestScenarioParserTests
{
    private const string Good = """
        slo: { objective: 99.9, window: 30d, minBadEvents: 2 }
        checkRate: 1
        duration: 10d
        background: 0.0002
        seed: 7
        incidents:
          - { start: 3d4h, duration: 5m, errorRate: 1 }
          - { start: 5d, duration: 2h, errorRate: 1, flapping: { on: 5m, off: 5m } }
          - { start: 6d, duration: 30m, kind: no-data }
        """;

    [Fact]
    public void Parse_ReadsEveryField_WhenTheFileIsValid()
    {
        var scenario = Assert.Single(BacktestScenarioParser.Parse(Good, "outage.yaml"));

        Assert.Equal("outage", scenario.Name);
        Assert.Equal(99.9, scenario.Slo.Objective);
        Assert.Equal(TimeSpan.FromDays(30), scenario.Slo.Period);
        Assert.Equal(14_400, scenario.Minutes);
        Assert.Equal(0.0002, scenario.Background);
        Assert.Equal(7, scenario.Seed);
        Assert.Equal(new TimeSpan(3, 4, 0, 0), scenario.Incidents[0].Start);
        Assert.Equal(new BacktestFlapping(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5)), scenario.Incidents[1].Flapping);
        Assert.Equal(BacktestIncidentKind.NoData, scenario.Incidents[2].Kind);
    }

    [Fact]
    public void Parse_ReadsEventsCheckAlertAndMaintenance_WhenTheFileGivesThem()
    {
        var scenario = Assert.Single(BacktestScenarioParser.Parse(
            "slo: { objective: 99.9 }\nduration: 1d\ncheckRate: 2\ncheck: { failureThreshold: 2, successThreshold: 3, keepFiringFor: 5m }\nmaintenance: [{ start: 2h, duration: 30m }]\n",
            "window.yaml"));

        Assert.Equal(BacktestEvents.Checks, scenario.Events);
        Assert.Equal((2, 3, TimeSpan.FromMinutes(5)), (scenario.CheckAlert.FailureThreshold, scenario.CheckAlert.SuccessThreshold, scenario.CheckAlert.KeepFiringFor));
        Assert.Equal([new BacktestMaintenance(TimeSpan.FromHours(2), TimeSpan.FromMinutes(30))], scenario.Maintenance);
        Assert.True(scenario.InMaintenance(TimeSpan.FromMinutes(150) - TimeSpan.FromSeconds(1)));
        Assert.False(scenario.InMaintenance(TimeSpan.FromMinutes(150)));
    }

    [Fact]
    public void Parse_MakesOneScenarioPerSeed_WhenTheFileListsSeeds()
    {
        var scenarios = BacktestScenarioParser.Parse("slo: { objective: 99.9 }\nduration: 1d\nseeds: [1, 2, 3]\n", "healthy.yaml");

        Assert.Equal(["healthy#1", "healthy#2", "healthy#3"], scenarios.Select(s => s.Name));
        Assert.Equal([1, 2, 3], scenarios.Select(s => s.Seed));
    }

    [Fact]
    public void Parse_ReplaysTheSeries_WhenTheFileRecordsOne()
    {
        var scenario = Assert.Single(BacktestScenarioParser.Parse("slo: { objective: 99 }\nseries: [[0, 2], [1, 2], [2, 2]]\n", "recorded.yaml"));

        Assert.Equal(3, scenario.Minutes);
        Assert.Equal([0L, 1L, 2L], scenario.Series.Select(m => m.Bad));
    }

    [Theory]
    // Required fields.
    [InlineData("duration: 1d\n", "slo: is required")]
    [InlineData("slo: { window: 30d }\nduration: 1d\n", "slo.objective: is required")]
    [InlineData("slo: { objective: 99.9 }\n", "duration: is required")]
    // Events, the check alert and maintenance.
    [InlineData("slo: { objective: 99.9 }\nduration: 1d\nevents: traffic\n", "events: must be checks or requests, not 'traffic'")]
    [InlineData("slo: { objective: 99.9 }\nduration: 1d\ncheckRate: 4\n", "checkRate: must be 1, 2, 3 or 6 runs a minute")]
    [InlineData("slo: { objective: 99.9 }\nduration: 1d\nevents: requests\ncheck: { failureThreshold: 2 }\n", "check: applies to check events only")]
    [InlineData("slo: { objective: 99.9 }\nduration: 1d\ncheck: { retries: 2 }\n", "check.retries: is not a known field")]
    [InlineData("slo: { objective: 99.9 }\nduration: 1d\nmaintenance: [{ start: 23h, duration: 2h }]\n", "maintenance[0].duration: must end within the scenario's duration")]
    // Values out of range.
    [InlineData("slo: { objective: 100 }\nduration: 1d\n", "slo.objective: must be greater than 0 and less than 100")]
    [InlineData("slo: { objective: 99.9, window: 14d }\nduration: 1d\n", "slo.window: must be 7d, 28d or 30d")]
    [InlineData("slo: { objective: 99.9 }\nduration: 1d\nbackground: 2\n", "background: must be between 0 and 1")]
    [InlineData("slo: { objective: 99.9 }\nduration: 1d\ncheckRate: 0\n", "checkRate: must be a whole number")]
    [InlineData("slo: { objective: 99.9 }\nduration: 90s\n", "duration: must be a whole number of minutes")]
    [InlineData("slo: { objective: 99.9 }\nduration: soon\n", "duration: must be a duration")]
    // Incidents.
    [InlineData("slo: { objective: 99.9 }\nduration: 1d\nincidents:\n  - { start: 1h, duration: 5m }\n", "incidents[0].errorRate: is required")]
    [InlineData("slo: { objective: 99.9 }\nduration: 1d\nincidents:\n  - { start: 23h, duration: 2h, errorRate: 1 }\n", "incidents[0].duration: must end within")]
    [InlineData("slo: { objective: 99.9 }\nduration: 1d\nincidents:\n  - { start: 1h, duration: 5m, kind: outage }\n", "incidents[0].kind: must be errors or no-data")]
    [InlineData("slo: { objective: 99.9 }\nduration: 1d\nincidents:\n  - { start: 1h, duration: 5m, errorRate: 1, flapping: { on: 5m } }\n", "incidents[0].flapping.off: is required")]
    [InlineData("slo: { objective: 99.9 }\nduration: 1d\nincidents:\n  - { start: 1h, duration: 2h, errorRate: 1 }\n  - { start: 2h, duration: 5m, errorRate: 1 }\n", "incidents: must not overlap")]
    // Shape.
    [InlineData("slo: { objective: 99.9 }\nduration: 1d\nincidnets: []\n", "incidnets: is not a known field")]
    [InlineData("slo: { objective: 99.9 }\nseries: [[2, 1]]\n", "series[0]: bad must not exceed total")]
    [InlineData("slo: { objective: 99.9 }\nduration: 2m\nseries: [[0, 1]]\n", "series: has 1 minutes but the duration is 2 minutes")]
    [InlineData("- just a list\n", "(root): must be one YAML mapping")]
    [InlineData("slo: [unclosed\n", "line 2: is not valid YAML")] // the parser notices at the end of the text
    public void Parse_NamesTheFileAndField_WhenTheScenarioIsInvalid(string yaml, string expected)
    {
        var error = Assert.Throws<BacktestScenarioException>(() => BacktestScenarioParser.Parse(yaml, "bad.yaml"));

        Assert.Contains("bad.yaml: " + expected, error.Message, StringComparison.Ordinal);
    }
}
