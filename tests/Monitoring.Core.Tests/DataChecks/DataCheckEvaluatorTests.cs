using Monitoring.Core.Checks;
using Monitoring.Core.DataChecks;
using Monitoring.Core.Spec;
using Xunit;
using static Monitoring.Core.Tests.DataChecks.DataCheckFixtures;

namespace Monitoring.Core.Tests.DataChecks;

public sealed class DataCheckEvaluatorTests
{
    private static readonly DateTimeOffset Now = Utc("2026-11-23T10:00:00Z");

    private static readonly DataRulesSpec EveryRule = Rules(
        freshness: new FreshnessRuleSpec(TimeSpan.FromMinutes(15), null, null, null),
        volume: new VolumeRuleSpec(TimeSpan.FromHours(1), 1, null, null, null),
        anomaly: new AnomalyRuleSpec(TimeSpan.FromHours(1), new AnomalySettings(TrainingPoints: 4), null),
        schema: new SchemaRuleSpec(false, null),
        pipeline: new PipelineRuleSpec(TimeSpan.FromDays(1), TimeSpan.FromHours(2), null));

    [Fact]
    public void Evaluate_ListsTheConnectionFirst_ThenEachRuleInOrder()
    {
        var check = Check(EveryRule);
        var observation = new DataObservation(Now.AddMinutes(-1), [.. Enumerable.Repeat(new DataVolume(100, null), 6)], [new("OrderId", "string")],
            [new PipelineRun("load", "r1", PipelineRunStatus.Succeeded, "Succeeded", Now.AddHours(-2), Now.AddHours(-1))]);

        var evaluation = Evaluate(check, Now, observation);

        Assert.Equal(
            [DataRuleKinds.Connection, DataRuleKinds.Freshness, DataRuleKinds.Volume, DataRuleKinds.Anomaly, DataRuleKinds.Schema, DataRuleKinds.Pipeline, DataRuleKinds.PipelineDuration],
            evaluation.Results.Select(r => r.Kind));
        Assert.All(evaluation.Results, r => Assert.Equal(CheckOutcome.Healthy, r.Outcome));
        Assert.Equal(("orders-feed", Now), (evaluation.CheckName, evaluation.At));
    }

    [Fact]
    public void Evaluate_ReportsTheConnectionHealthy_WithItsLatency()
    {
        var connection = Evaluate(Check(EveryRule), Now, DataObservation.Empty).Find(DataRuleKinds.Connection)!;

        Assert.Equal(CheckOutcome.Healthy, connection.Outcome);
        Assert.Equal("The kql source answered in 120 ms.", connection.Summary);
        Assert.Equal("the source answers within 30s", connection.Expected);
        Assert.Equal((120.0, "kql"), (Detail<double>(connection, "latencyMs"), Detail<string>(connection, "source")));
    }

    [Fact]
    public void Evaluate_TakesTheWorstRule_AsTheEvaluationsOutcome()
    {
        var check = Check(Rules(
            freshness: new FreshnessRuleSpec(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(5), null, null),
            volume: new VolumeRuleSpec(TimeSpan.FromHours(1), 1, null, null, null)));

        var degraded = Evaluate(check, Now, new DataObservation(Now.AddMinutes(-10), [new DataVolume(5, null)], default, []));
        var failed = Evaluate(check, Now, new DataObservation(Now.AddMinutes(-10), [new DataVolume(0, null)], default, []));

        Assert.Equal(CheckOutcome.Degraded, degraded.Outcome);
        Assert.Equal(CheckOutcome.Failed, failed.Outcome);
    }

    [Fact]
    public void Evaluate_RefusesARequestPlannedForAnotherCheck()
    {
        var check = Check(EveryRule);
        var request = DataCheckPlan.For(Check(Rules(freshness: new FreshnessRuleSpec(TimeSpan.FromMinutes(15), null, null, null))), Now);

        Assert.Throws<ArgumentException>(() => DataCheckEvaluator.Evaluate(check, request, DataObservation.Empty, default, Latency));
    }

    [Theory]
    [InlineData(DataSourceErrorKind.Timeout, "timeout")]
    [InlineData(DataSourceErrorKind.Authentication, "authentication")]
    [InlineData(DataSourceErrorKind.NotFound, "not-found")]
    public void SourceFailed_GivesOnlyAFailedConnection_NamingTheError(DataSourceErrorKind kind, string wireKind)
    {
        var error = new DataSourceException(kind, "Table Orders was not found in the workspace.");

        var evaluation = DataCheckEvaluator.SourceFailed(Check(EveryRule), Now, error, TimeSpan.FromSeconds(30));

        var connection = Assert.Single(evaluation.Results);
        Assert.Equal((DataRuleKinds.Connection, CheckOutcome.Failed), (connection.Kind, connection.Outcome));
        Assert.Equal($"The kql source could not be read ({wireKind}): Table Orders was not found in the workspace.", connection.Summary);
        Assert.Equal(wireKind, Detail<string>(connection, "error"));
        Assert.Equal(30_000.0, Detail<double>(connection, "latencyMs"));
        Assert.Equal((CheckOutcome.Failed, Now), (evaluation.Outcome, evaluation.At));
        Assert.True(evaluation.ObservedSchema.IsDefault);
    }
}
