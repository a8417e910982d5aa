using System.Collections.Immutable;
using Monitoring.Core.Checks;
using Monitoring.Core.DataChecks;
using Monitoring.Core.Spec;
using Xunit;
using static Monitoring.Core.Tests.DataChecks.DataCheckFixtures;

namespace Monitoring.Core.Tests.DataChecks;

public sealed class PipelineRuleTests
{
    private static readonly DateTimeOffset Now = Utc("2026-11-23T10:00:00Z");

    [Fact]
    public void Evaluate_PassesWhenEachPipelinesLatestFinishedRunSucceeded_ThoughEarlierOnesFailed()
    {
        var result = Status(
            Run("load", "r1", PipelineRunStatus.Failed, 1, 2, "Copy failed"),
            Run("load", "r2", PipelineRunStatus.Succeeded, 3, 4),
            Run("export", "e1", PipelineRunStatus.Succeeded, 2, 3));

        Assert.Equal(CheckOutcome.Healthy, result.Outcome);
        Assert.Equal("orders: latest runs succeeded for export, load.", result.Summary);
        Assert.Equal("the latest finished run of each pipeline succeeded (runs in the last 1d)", result.Expected);
        Assert.Equal(("Succeeded", "r2", 2, 1), Summary(Pipeline(result, "load")));
    }

    [Theory]
    [InlineData(PipelineRunStatus.Failed)]
    [InlineData(PipelineRunStatus.Cancelled)]
    public void Evaluate_FailsWhenAnyPipelinesLatestFinishedRunDidNotSucceed(PipelineRunStatus status)
    {
        var result = Status(
            Run("load", "r1", PipelineRunStatus.Succeeded, 1, 2),
            Run("load", "r2", status, 3, 4, "Copy activity timed out"),
            Run("export", "e1", PipelineRunStatus.Succeeded, 2, 3));

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Equal($"orders: pipeline load run r2 {status} (Copy activity timed out).", result.Summary);
        Assert.Equal(status.ToString(), Pipeline(result, "load")["status"]);
    }

    [Fact]
    public void Evaluate_TakesTheRunThatEndedLast_AsTheLatest()
    {
        // r1 started later but r2 ended later: r2's success is the latest word.
        var result = Status(
            Run("load", "r2", PipelineRunStatus.Succeeded, 1, 5),
            Run("load", "r1", PipelineRunStatus.Failed, 2, 3, "Copy failed"));

        Assert.Equal(CheckOutcome.Healthy, result.Outcome);
        Assert.Equal(1, Pipeline(result, "load")["failures"]);
    }

    [Fact]
    public void Evaluate_JudgesTheLatestFinishedRun_WhileANewerOneRuns()
    {
        var result = Status(
            Run("load", "r1", PipelineRunStatus.Failed, 1, 2, "Copy failed"),
            Run("load", "r2", PipelineRunStatus.Running, 3, null));

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Equal("orders: pipeline load run r1 Failed (Copy failed).", result.Summary);
    }

    [Fact]
    public void Evaluate_PassesAPipelineThatHasOnlyRunning_AndSaysSo()
    {
        var result = Status(Run("load", "r1", PipelineRunStatus.Running, 1, null));

        Assert.Equal(CheckOutcome.Healthy, result.Outcome);
        Assert.Equal("orders: no finished run in the last 1d (load not finished yet).", result.Summary);
        Assert.Equal("Running", Pipeline(result, "load")["status"]);
    }

    [Fact]
    public void Evaluate_DegradesWithoutRuns()
    {
        var result = Status();

        Assert.Equal(CheckOutcome.Degraded, result.Outcome);
        Assert.Equal("orders: no runs in the last 1d.", result.Summary);
    }

    [Theory]
    // Max duration 2h. (status, hours ago started, hours ago ended or -1 while running) -> outcome
    [InlineData(PipelineRunStatus.Succeeded, 5, 3.5, CheckOutcome.Healthy)]     // took 1h30m
    [InlineData(PipelineRunStatus.Succeeded, 5, 3, CheckOutcome.Healthy)]       // took exactly 2h
    [InlineData(PipelineRunStatus.Failed, 5, 2.5, CheckOutcome.Failed)]         // took 2h30m
    [InlineData(PipelineRunStatus.Running, 1, -1, CheckOutcome.Healthy)]        // an hour in, on time so far
    [InlineData(PipelineRunStatus.Running, 2.5, -1, CheckOutcome.Failed)]       // still running after 2h30m
    public void Evaluate_FailsARunOverItsDuration_FinishedOrStillRunning(PipelineRunStatus status, double startedHoursAgo, double endedHoursAgo, CheckOutcome outcome)
    {
        var run = new PipelineRun("load", "r9", status, status.ToString(), Now.AddHours(-startedHoursAgo), endedHoursAgo < 0 ? null : Now.AddHours(-endedHoursAgo));

        var result = Duration(run);

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal("each run <= 2h", result.Expected);
        Assert.Equal(status == PipelineRunStatus.Running, Pipeline(result, "load")["running"]);
    }

    [Fact]
    public void Evaluate_SummarisesTheRunsOverTheirDuration()
    {
        var result = Duration(
            new PipelineRun("load", "r9", PipelineRunStatus.Running, "InProgress", Now.AddHours(-2).AddMinutes(-10), null),
            new PipelineRun("export", "e4", PipelineRunStatus.Succeeded, "Succeeded", Now.AddHours(-6), Now.AddHours(-3)),
            new PipelineRun("export", "e3", PipelineRunStatus.Succeeded, "Succeeded", Now.AddHours(-30), Now.AddHours(-29)));

        Assert.Equal("orders: pipeline export run e4 took 3h; pipeline load run r9 has been running for 2h10m, more than 2h.", result.Summary);
        Assert.Equal(180.0, Pipeline(result, "export")["durationMinutes"]);
    }

    [Fact]
    public void Evaluate_TimesOnlyTheLatestRunOfEachPipeline()
    {
        // The slow run was yesterday; the latest kept to the duration.
        var result = Duration(
            new PipelineRun("load", "r1", PipelineRunStatus.Succeeded, "Succeeded", Now.AddHours(-20), Now.AddHours(-15)),
            new PipelineRun("load", "r2", PipelineRunStatus.Succeeded, "Succeeded", Now.AddHours(-2), Now.AddHours(-1)));

        Assert.Equal(CheckOutcome.Healthy, result.Outcome);
        Assert.Equal("orders: latest runs within 2h (load 1h).", result.Summary);
    }

    [Fact]
    public void Evaluate_JudgesNoDuration_WithoutRunsOrWithoutAMaximum()
    {
        var noRuns = Duration();
        var withoutMaximum = Evaluate(Check(Rules(pipeline: new PipelineRuleSpec(TimeSpan.FromDays(1), null, null))), Now, DataObservation.Empty);

        Assert.Equal((CheckOutcome.Healthy, "orders: no runs to time in the last 1d."), (noRuns.Outcome, noRuns.Summary));
        Assert.Null(withoutMaximum.Find(DataRuleKinds.PipelineDuration));
        Assert.NotNull(withoutMaximum.Find(DataRuleKinds.Pipeline));
    }

    private static PipelineRun Run(string pipeline, string runId, PipelineRunStatus status, double startHour, double? endHour, string? error = null) =>
        new(pipeline, runId, status, status.ToString(), Now.AddHours(-10 + startHour), endHour is { } end ? Now.AddHours(-10 + end) : null, error);

    private static (string Status, string RunId, int Runs, int Failures) Summary(ImmutableDictionary<string, object?> pipeline) =>
        ((string)pipeline["status"]!, (string)pipeline["runId"]!, (int)pipeline["runs"]!, (int)pipeline["failures"]!);

    private static DataRuleResult Status(params PipelineRun[] runs) =>
        Evaluate(Check(Rules(pipeline: new PipelineRuleSpec(TimeSpan.FromDays(1), TimeSpan.FromHours(2), null))), Now, DataObservation.Empty with { Runs = [.. runs] })
            .Find(DataRuleKinds.Pipeline)!;

    private static DataRuleResult Duration(params PipelineRun[] runs) =>
        Evaluate(Check(Rules(pipeline: new PipelineRuleSpec(TimeSpan.FromDays(1), TimeSpan.FromHours(2), null))), Now, DataObservation.Empty with { Runs = [.. runs] })
            .Find(DataRuleKinds.PipelineDuration)!;
}
