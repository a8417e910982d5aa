using Monitoring.Core.Alerting;
using Monitoring.Core.Checks;
using Monitoring.Core.DataChecks;
using Monitoring.Core.Spec;
using Xunit;
using static Monitoring.Core.Tests.DataChecks.DataCheckFixtures;

namespace Monitoring.Core.Tests.DataChecks;

public sealed class DataCheckAlertsTests
{
    private static readonly DateTimeOffset Now = Utc("2026-11-23T10:00:00Z");

    private static readonly ServiceSpec Shop = new("shop", "web-platform", 1, new Uri("https://runbooks.example.com/shop"), null);

    // Freshness and pipeline set their own severity; the others take the check's.
    private static readonly DataCheckSpec Orders = Check(Rules(
        freshness: new FreshnessRuleSpec(TimeSpan.FromMinutes(15), null, null, AlertSeverity.Critical),
        volume: new VolumeRuleSpec(TimeSpan.FromHours(1), 1, null, null, null),
        anomaly: new AnomalyRuleSpec(TimeSpan.FromHours(1), new AnomalySettings(TrainingPoints: 4), null),
        schema: new SchemaRuleSpec(false, null),
        pipeline: new PipelineRuleSpec(TimeSpan.FromDays(1), TimeSpan.FromHours(2), AlertSeverity.Info))) with
    {
        Alert = new CheckAlertSpec(AlertSeverity.Warning, 2, 3, TimeSpan.FromMinutes(30)),
    };

    [Fact]
    public void Definitions_ListEveryAlertTheCheckCanRaise_WithReadableNamesAndSeverities()
    {
        var definitions = DataCheckAlerts.Definitions(Orders, Shop);

        Assert.Equal(
            [
                ("data:orders-feed:connection", "orders-feed source unreachable", AlertSeverity.Warning),
                ("data:orders-feed:freshness", "orders-feed stale", AlertSeverity.Critical),
                ("data:orders-feed:volume", "orders-feed volume out of range", AlertSeverity.Warning),
                ("data:orders-feed:anomaly", "orders-feed volume anomaly", AlertSeverity.Warning),
                ("data:orders-feed:schema", "orders-feed schema drift", AlertSeverity.Warning),
                ("data:orders-feed:pipeline", "orders-feed pipeline failed", AlertSeverity.Info),
                ("data:orders-feed:pipeline-duration", "orders-feed pipeline over its duration", AlertSeverity.Info),
            ],
            definitions.Select(d => (d.Key, d.Name, d.Severity)));
        Assert.All(definitions, d => Assert.Equal(AlertSource.DataCheck, d.Source));
    }

    [Fact]
    public void Definitions_ListOnlyTheRulesSet_AndTheConnection()
    {
        var check = Check(Rules(pipeline: new PipelineRuleSpec(TimeSpan.FromDays(1), null, null)));

        Assert.Equal(["data:orders-feed:connection", "data:orders-feed:pipeline"], DataCheckAlerts.Definitions(check, null).Select(d => d.Key));
    }

    [Fact]
    public void Define_TakesPolicyOwnersAndLabels_FromTheCheck()
    {
        var schema = DataCheckAlerts.Define(Orders, Shop, DataRuleKinds.Schema);

        Assert.Equal((2, 3, (TimeSpan?)TimeSpan.FromMinutes(30)), (schema.Policy.FailureThreshold, schema.Policy.SuccessThreshold, schema.Policy.KeepFiringFor));
        Assert.Equal(("shop", "web-platform", "https://runbooks.example.com/shop"), (schema.Service, schema.Team, schema.RunbookUrl));
        Assert.Equal(
            [new("dataCheck", "orders-feed"), new("environment", "prod"), new KeyValuePair<string, string>("rule", "schema")],
            schema.Labels.OrderBy(l => l.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Define_UsesTheDataCheckDefaults_WhenTheCheckSetsNoAlert()
    {
        var volume = DataCheckAlerts.Define(Check(Rules(volume: new VolumeRuleSpec(TimeSpan.FromHours(1), 1, null, null, null))), null, DataRuleKinds.Volume);

        Assert.Equal((AlertSeverity.Warning, 1, 1, (TimeSpan?)null), (volume.Severity, volume.Policy.FailureThreshold, volume.Policy.SuccessThreshold, volume.Policy.KeepFiringFor));
        Assert.Null(volume.Team);
    }

    [Fact]
    public void Observe_MakesOneObservationPerResult_BreachingOnlyWhenFailed()
    {
        // Fresh but past warn (Degraded), too few rows (Failed), schema recorded (Healthy), no runs (Degraded).
        var check = Orders with
        {
            Rules = Orders.Rules with { Freshness = new FreshnessRuleSpec(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(5), null, null), Anomaly = null },
        };
        var evaluation = Evaluate(check, Now, new DataObservation(Now.AddMinutes(-10), [new DataVolume(0, null)], [new("OrderId", "string")], []));

        var observations = DataCheckAlerts.Observe(check, Shop, evaluation);

        Assert.Equal(
            [
                ("data:orders-feed:connection", false),
                ("data:orders-feed:freshness", false),
                ("data:orders-feed:volume", true),
                ("data:orders-feed:schema", false),
                ("data:orders-feed:pipeline", false),
                ("data:orders-feed:pipeline-duration", false),
            ],
            observations.Select(o => (o.Definition.Key, o.Breaching)));
        Assert.All(observations, o => Assert.Equal(Now, o.At));
        Assert.Equal(evaluation.Find(DataRuleKinds.Volume)!.Summary, observations.Single(o => o.Breaching).Summary);
    }

    [Fact]
    public void Observe_SpeaksOnlyThroughTheConnectionAlert_WhenTheSourceFailed()
    {
        var evaluation = DataCheckEvaluator.SourceFailed(Orders, Now, new DataSourceException("Connection refused."), TimeSpan.FromSeconds(1));

        var observation = Assert.Single(DataCheckAlerts.Observe(Orders, Shop, evaluation));

        Assert.Equal(("data:orders-feed:connection", true, AlertSeverity.Warning), (observation.Definition.Key, observation.Breaching, observation.Definition.Severity));
        Assert.Equal("The kql source could not be read (connection): Connection refused.", observation.Summary);
        Assert.Equal(CheckOutcome.Failed, evaluation.Outcome);
    }
}
