using CsCheck;
using Monitoring.Core.DataChecks;
using Monitoring.Core.Spec;
using Xunit;
using static Monitoring.Core.Tests.DataChecks.DataCheckFixtures;

namespace Monitoring.Core.Tests.DataChecks;

public sealed class DataCheckPlanTests
{
    private static readonly DateTimeOffset Now = Utc("2026-11-23T10:00:00Z");

    [Fact]
    public void For_AsksForEachRulesPart_AndNothingMore()
    {
        var check = Check(Rules(
            freshness: new FreshnessRuleSpec(TimeSpan.FromMinutes(15), null, null, null),
            schema: new SchemaRuleSpec(false, null),
            pipeline: new PipelineRuleSpec(TimeSpan.FromDays(1), null, null)));

        var request = DataCheckPlan.For(check, Now);

        Assert.True(request.LastUpdated);
        Assert.True(request.Schema);
        Assert.Equal(Utc("2026-11-22T10:00:00Z"), request.RunsSince);
        Assert.Empty(request.Ranges);
        Assert.Equal(TimeSpan.FromSeconds(30), request.Timeout);
        Assert.Equal(Now, request.Now);

        var volumeOnly = DataCheckPlan.For(Check(Rules(volume: new VolumeRuleSpec(TimeSpan.FromHours(1), 1, null, null, null))), Now);
        Assert.Equal((false, false, (DateTimeOffset?)null), (volumeOnly.LastUpdated, volumeOnly.Schema, volumeOnly.RunsSince));
    }

    [Fact]
    public void For_ListsTheVolumeWindow_ThenTheAnomalyWindow_ThenItsTrainingWindowsWeekByWeek()
    {
        var check = Check(Rules(
            volume: new VolumeRuleSpec(TimeSpan.FromHours(1), 1, 100_000, null, null),
            anomaly: new AnomalyRuleSpec(TimeSpan.FromDays(1), new AnomalySettings(TrainingPoints: 3), null)));

        var request = DataCheckPlan.For(check, Now);

        Assert.Equal(
            [
                new DataRange(Utc("2026-11-23T09:00:00Z"), Now),
                new DataRange(Utc("2026-11-22T10:00:00Z"), Now),
                new DataRange(Utc("2026-11-15T10:00:00Z"), Utc("2026-11-16T10:00:00Z")),
                new DataRange(Utc("2026-11-08T10:00:00Z"), Utc("2026-11-09T10:00:00Z")),
                new DataRange(Utc("2026-11-01T10:00:00Z"), Utc("2026-11-02T10:00:00Z")),
            ],
            request.Ranges);
        var map = DataCheckPlan.Ranges(check);
        Assert.Equal((0, 1, 3, 5), (map.Volume, map.AnomalyCurrent, map.AnomalyTrainingPoints, map.Count));
        Assert.Equal(4, map.AnomalyTraining(3));
    }

    [Fact]
    public void Ranges_PutsTheAnomalyFirst_WhenThereIsNoVolumeRule()
    {
        var check = Check(Rules(anomaly: new AnomalyRuleSpec(TimeSpan.FromHours(1), new AnomalySettings(), null)));

        var map = DataCheckPlan.Ranges(check);

        Assert.Equal((null, 0, 14, 15), (map.Volume, map.AnomalyCurrent, map.AnomalyTrainingPoints, map.Count));
        Assert.Equal(15, DataCheckPlan.For(check, Now).Ranges.Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => map.AnomalyTraining(15));
        Assert.Throws<InvalidOperationException>(() => DataCheckPlan.Ranges(Check(Rules(volume: new VolumeRuleSpec(TimeSpan.FromHours(1), 1, null, null, null)))).AnomalyTraining(1));
    }

    [Fact]
    public void For_MovesTrainingWindowsByLocalWeeks_SoADstChangeKeepsTheirLocalHours()
    {
        // London changed to GMT on Sunday 25 October 2026. Monday 2 November 09:00-10:00 GMT is 09:00-10:00 UTC; the
        // Monday a week earlier, in GMT too, is the same; two weeks earlier (19 October, BST) 09:00 local is 08:00 UTC.
        var check = Check(Rules(anomaly: new AnomalyRuleSpec(TimeSpan.FromHours(1), new AnomalySettings(TrainingPoints: 2), null)), London);

        var request = DataCheckPlan.For(check, Utc("2026-11-02T10:00:00Z"));

        Assert.Equal(new DataRange(Utc("2026-10-26T09:00:00Z"), Utc("2026-10-26T10:00:00Z")), request.Ranges[1]);
        Assert.Equal(new DataRange(Utc("2026-10-19T08:00:00Z"), Utc("2026-10-19T09:00:00Z")), request.Ranges[2]);
    }

    [Fact]
    public void For_KeepsEveryTrainingWindowOnTheCurrentWindowsLocalWeekdayAndTime_AndBeforeIt()
    {
        var gen = Gen.Select(Gen.Int[0, 3 * 365 * 24 * 4], Gen.Int[1, 7 * 24 * 4], Gen.Int[1, 20], (quarter, window, points) => (quarter, window, points));

        gen.Sample(sample =>
        {
            var now = Utc("2025-01-01T00:00:00Z").AddMinutes(15 * sample.quarter);
            var window = TimeSpan.FromMinutes(15 * sample.window);
            var check = Check(Rules(anomaly: new AnomalyRuleSpec(window, new AnomalySettings(TrainingPoints: sample.points), null)), NewYork);

            var ranges = DataCheckPlan.For(check, now).Ranges;

            var current = Local(ranges[0].From);
            Assert.Equal(sample.points + 1, ranges.Length);
            for (var k = 1; k <= sample.points; k++)
            {
                var training = ranges[k];
                Assert.True(training.From < ranges[k - 1].From, $"Window {k} does not start before the one a week later.");
                var local = Local(training.From);

                // A local start a spring-forward night skips moves on by the hour it lost; otherwise the wall clock is the same.
                if (local.TimeOfDay == current.TimeOfDay)
                {
                    Assert.Equal(current.AddDays(-7 * k), local);
                }
                else
                {
                    Assert.Equal(current.AddDays(-7 * k).AddHours(1), local);
                    Assert.True(NewYork.IsInvalidTime(current.AddDays(-7 * k)));
                }
            }
        }, iter: 500);

        static DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, NewYork).DateTime;
    }
}
