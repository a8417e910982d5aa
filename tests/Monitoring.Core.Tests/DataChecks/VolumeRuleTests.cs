using Monitoring.Core.Checks;
using Monitoring.Core.DataChecks;
using Monitoring.Core.Spec;
using Xunit;
using static Monitoring.Core.Tests.DataChecks.DataCheckFixtures;

namespace Monitoring.Core.Tests.DataChecks;

public sealed class VolumeRuleTests
{
    private static readonly DateTimeOffset Now = Utc("2026-11-23T10:00:00Z");

    [Theory]
    // 1 <= rows <= 100000 in 1h: rows -> outcome. The bounds themselves pass.
    [InlineData(0, CheckOutcome.Failed)]
    [InlineData(1, CheckOutcome.Healthy)]
    [InlineData(5_000, CheckOutcome.Healthy)]
    [InlineData(100_000, CheckOutcome.Healthy)]
    [InlineData(100_001, CheckOutcome.Failed)]
    public void Evaluate_FailsOutsideTheRowBounds(long rows, CheckOutcome outcome)
    {
        var result = Volume(new VolumeRuleSpec(TimeSpan.FromHours(1), 1, 100_000, null, null), new DataVolume(rows, null));

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(rows, result.RowCount);
        Assert.Equal("1 <= rows <= 100000 in 1h", result.Expected);
    }

    [Fact]
    public void Evaluate_SaysWhichBoundWasCrossed()
    {
        var rule = new VolumeRuleSpec(TimeSpan.FromHours(1), 10, null, 1_024, null);

        var result = Volume(rule, new DataVolume(3, 512));

        Assert.Equal("orders has 3 rows (512 bytes) in the last 1h: fewer than 10 rows; fewer than 1024 bytes.", result.Summary);
        Assert.Equal("rows >= 10 in 1h, bytes >= 1024", result.Expected);
        Assert.Equal(512L, Detail<long?>(result, "bytes"));
        Assert.Equal(Utc("2026-11-23T09:00:00Z"), Detail<DateTimeOffset>(result, "from"));
    }

    [Theory]
    // Bytes at least 1024 in 1d: (bytes, null when the source cannot tell) -> outcome
    [InlineData(2_048L, CheckOutcome.Healthy)]
    [InlineData(1_023L, CheckOutcome.Failed)]
    [InlineData(null, CheckOutcome.Failed)]
    public void Evaluate_JudgesBytes_AndFailsWhenTheSourceCannotCountThem(long? bytes, CheckOutcome outcome)
    {
        var result = Volume(new VolumeRuleSpec(TimeSpan.FromDays(1), null, null, 1_024, null), new DataVolume(7, bytes));

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal("bytes >= 1024 in 1d", result.Expected);
    }

    [Fact]
    public void Evaluate_WritesAnUpperBoundAlone()
    {
        var result = Volume(new VolumeRuleSpec(TimeSpan.FromMinutes(30), null, 50, null, null), new DataVolume(51, null));

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Equal("orders has 51 rows in the last 30m: more than 50 rows.", result.Summary);
        Assert.Equal("rows <= 50 in 30m", result.Expected);
    }

    [Fact]
    public void Evaluate_FailsTheVolumeAndAnomalyRules_WhenTheSourceAnsweredTooFewCounts()
    {
        var check = Check(Rules(
            volume: new VolumeRuleSpec(TimeSpan.FromHours(1), 1, null, null, null),
            anomaly: new AnomalyRuleSpec(TimeSpan.FromHours(1), new AnomalySettings(TrainingPoints: 4), null)));

        var evaluation = Evaluate(check, Now, DataObservation.Empty with { Volumes = [new DataVolume(10, null), new DataVolume(10, null)] });

        Assert.Equal(CheckOutcome.Healthy, evaluation.Find(DataRuleKinds.Volume)!.Outcome);
        var anomaly = evaluation.Find(DataRuleKinds.Anomaly)!;
        Assert.Equal(CheckOutcome.Failed, anomaly.Outcome);
        Assert.Equal("The source answered no count for 2026-11-16 09:00:00Z to 2026-11-16 10:00:00Z.", anomaly.Summary);
    }

    private static DataRuleResult Volume(VolumeRuleSpec rule, DataVolume volume) =>
        Evaluate(Check(Rules(volume: rule)), Now, DataObservation.Empty with { Volumes = [volume] }).Find(DataRuleKinds.Volume)!;
}
