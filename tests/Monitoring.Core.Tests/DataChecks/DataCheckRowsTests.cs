using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Monitoring.Core.Checks;
using Monitoring.Core.DataChecks;
using Monitoring.Core.Results;
using Monitoring.Core.Spec;
using Xunit;
using static Monitoring.Core.Tests.DataChecks.DataCheckFixtures;

namespace Monitoring.Core.Tests.DataChecks;

public sealed class DataCheckRowsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 11, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void ToRows_WritesOneRowPerResult_WithItsColumns()
    {
        var check = Check(Rules(
            freshness: new FreshnessRuleSpec(TimeSpan.FromMinutes(15), null, null, null),
            volume: new VolumeRuleSpec(TimeSpan.FromHours(1), 1, 100_000, null, null)));
        var updated = Now.AddMinutes(-20).AddSeconds(-1);
        var evaluation = Evaluate(check, Now, new DataObservation(updated, [new DataVolume(5_000, 1_024)], default, []));

        var rows = DataCheckRows.ToRows(check, evaluation);

        Assert.Equal(["connection", "freshness", "volume"], rows.Select(r => (string)r["Kind"]!));
        Assert.All(rows, row =>
        {
            Assert.Same(MonitorTables.DataCheck, row.Table);
            Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero), row["TimeGenerated"]);
            Assert.Equal(TimeSpan.Zero, ((DateTimeOffset)row["TimeGenerated"]!).Offset);
            Assert.Equal(("orders-feed", "shop", "orders"), ((string)row["CheckName"]!, (string)row["Service"]!, (string)row["Dataset"]!));
        });

        var freshness = rows[1];
        Assert.Equal("Failed", freshness["Outcome"]);
        Assert.Equal(updated.ToUniversalTime(), freshness["LastUpdated"]);
        Assert.Equal(TimeSpan.Zero, ((DateTimeOffset)freshness["LastUpdated"]!).Offset);
        Assert.Equal(20.02, freshness["AgeMinutes"]);   // 20m1s, to two decimals
        Assert.Equal("age <= 15m", freshness["Expected"]);
        Assert.Null(freshness["RowCount"]);

        var volume = rows[2];
        Assert.Equal(("Healthy", 5_000L, "1 <= rows <= 100000 in 1h"), ((string)volume["Outcome"]!, (long)volume["RowCount"]!, (string)volume["Expected"]!));
        Assert.Null(volume["AnomalyScore"]);
        Assert.Null(volume["LastUpdated"]);
    }

    [Fact]
    public void ToRows_WritesDetailsAsJson_WithTheSummary()
    {
        var check = Check(Rules(volume: new VolumeRuleSpec(TimeSpan.FromHours(1), 1, null, null, null)));
        var evaluation = Evaluate(check, Now, DataObservation.Empty with { Volumes = [new DataVolume(3, 2_048)] });

        var details = Assert.IsType<JsonObject>(DataCheckRows.ToRows(check, evaluation)[1]["Details"]);

        Assert.Equal("orders has 3 rows (2048 bytes) in the last 1h.", (string?)details["summary"]);
        Assert.Equal(2048L, (long?)details["bytes"]);
        Assert.Equal("2026-11-23T09:00:00.0000000Z", (string?)details["from"]);
        Assert.Equal("2026-11-23T10:00:00.0000000Z", (string?)details["to"]);
    }

    [Fact]
    public void ToRows_WritesNestedDetails_AsJsonListsAndObjects()
    {
        var check = Check(Rules(schema: new SchemaRuleSpec(false, null)));
        var evaluation = Evaluate(check, Now, DataObservation.Empty with { Schema = [new("Amount", "string"), new("Note", "string")] }, [new("Amount", "decimal"), new("Currency", "string")]);

        var details = (JsonObject)DataCheckRows.ToRows(check, evaluation)[1]["Details"]!;

        Assert.Equal(
            """{"added":["Note"],"changed":[{"from":"decimal","name":"Amount","to":"string"}],"removed":["Currency"],"summary":"orders schema drift: column Currency removed; column Amount changed type from decimal to string; column Note added."}""",
            details.ToJsonString());
    }

    [Fact]
    public void ToRows_RoundsTheAnomalyScore_AndKeepsFailedConnectionDetails()
    {
        var check = Check(Rules(anomaly: new AnomalyRuleSpec(TimeSpan.FromHours(1), new AnomalySettings(TrainingPoints: 4), null)));
        ImmutableArray<DataVolume> volumes = [new(130, null), new(100, null), new(110, null), new(90, null), new(100, null)];

        var anomaly = DataCheckRows.ToRows(check, Evaluate(check, Now, DataObservation.Empty with { Volumes = volumes }))[1];
        var failed = DataCheckRows.ToRows(check, DataCheckEvaluator.SourceFailed(check, Now, new DataSourceException(DataSourceErrorKind.Timeout, "No answer within 30s."), TimeSpan.FromSeconds(30))).Single();

        // Training 100, 110, 90, 100: mean 100, s = √(200 / 3) = 8.165, so 130 scores 30 / 8.165 = 3.674.
        Assert.Equal(3.674, anomaly["AnomalyScore"]);
        Assert.Equal(130L, anomaly["RowCount"]);
        Assert.Equal(nameof(CheckOutcome.Failed), anomaly["Outcome"]);
        var details = (JsonObject)failed["Details"]!;
        Assert.Equal(("timeout", "kql", 30_000.0), ((string?)details["error"], (string?)details["source"], (double?)details["latencyMs"]));
    }
}
