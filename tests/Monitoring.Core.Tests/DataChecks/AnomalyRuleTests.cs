using System.Collections.Immutable;
using CsCheck;
using Monitoring.Core.Checks;
using Monitoring.Core.DataChecks;
using Monitoring.Core.Spec;
using Xunit;
using static Monitoring.Core.Tests.DataChecks.DataCheckFixtures;

namespace Monitoring.Core.Tests.DataChecks;

/// <summary>
/// The anomaly rule end to end: a daily series (weekdays about 1,000 rows, Sundays about 200, with seeded noise;
/// Saturdays as each test lists them) answers the planned ranges, and the rule judges Saturday 21 November 2026 against
/// the 14 Saturdays before it. Only Saturdays may reach the baseline, so every expected score below is worked out by
/// hand from the Saturdays alone, never by calling the code; the noise on other days must not move it.
/// <see cref="VolumeAnomalyTests"/> covers the z-score itself (floor, sensitivity, direction, hour seasons).
/// </summary>
public sealed class AnomalyRuleTests
{
    // Sunday midnight UTC: the current window is Saturday 21 November, the training windows the 14 Saturdays before.
    private static readonly DateTimeOffset Now = Utc("2026-11-22T00:00:00Z");
    private static readonly DateOnly Saturday = new(2026, 11, 21);

    // Fourteen Saturdays around 200, oldest first: Σ offsets = 0, Σ offsets² = 6·144 + 4·36 = 1,008, so the mean is 200
    // and the sample standard deviation √(1,008 / 13) = 8.80559.
    private static readonly long[] SeasonalSaturdays = [212, 188, 206, 194, 200, 200, 212, 188, 206, 194, 200, 200, 212, 188];
    private static readonly double SeasonalDeviation = Math.Sqrt(1008.0 / 13);

    [Fact]
    public void Evaluate_FindsANormalSaturdayNormal_ThoughItIsFarBelowTheWeekdayLevel()
    {
        // 210 is a fifth of a weekday; against every day of the last two weeks (mean about 770) it would be a collapse.
        var result = Anomaly(SeasonalSaturdays, today: 210);

        Assert.Equal(CheckOutcome.Healthy, result.Outcome);
        Assert.Equal(10 / SeasonalDeviation, result.AnomalyScore!.Value, 6);   // 1.13564
        Assert.Equal(1.13564, result.AnomalyScore.Value, 5);
        Assert.Equal(200, Detail<double>(result, "mean"), 9);
        Assert.Equal(SeasonalDeviation, Detail<double>(result, "standardDeviation"), 9);
        Assert.Equal(14, Detail<int>(result, "trainingPoints"));
        Assert.Equal(210, result.RowCount);
    }

    [Fact]
    public void Evaluate_FailsOnASpike()
    {
        var result = Anomaly(SeasonalSaturdays, today: 400);

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Equal(22.71284, result.AnomalyScore!.Value, 5);   // 200 / 8.80559
        Assert.StartsWith("orders has 400 rows in the last 1d, an anomaly: ", result.Summary, StringComparison.Ordinal);
    }

    [Theory]
    // A drop to 150 scores −50 / 8.80559 = −5.67821: an anomaly unless only spikes are watched.
    [InlineData(AnomalyDirection.Both, CheckOutcome.Failed)]
    [InlineData(AnomalyDirection.Drop, CheckOutcome.Failed)]
    [InlineData(AnomalyDirection.Spike, CheckOutcome.Healthy)]
    public void Evaluate_FailsOnADrop_InTheWatchedDirection(AnomalyDirection direction, CheckOutcome outcome)
    {
        var result = Anomaly(SeasonalSaturdays, today: 150, new AnomalySettings(Direction: direction));

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(-5.67821, result.AnomalyScore!.Value, 5);
        Assert.Equal(direction.ToString().ToLowerInvariant(), Detail<string>(result, "direction"));
    }

    [Fact]
    public void Evaluate_NeverAlerts_OnAHistoryTooShort_HoweverLargeTheDeviation()
    {
        // The data began three Saturdays ago: the eleven older Saturdays are empty. Counted as history they would make a
        // mean of 600 / 14 = 42.9 and any real day a spike; dropped, three points remain, one short of the minimum.
        var result = Anomaly([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 190, 200, 210], today: 50_000);

        Assert.Equal(CheckOutcome.Healthy, result.Outcome);
        Assert.Null(result.AnomalyScore);
        Assert.Equal("orders has 50000 rows in the last 1d. Not enough history to judge: 3 earlier same-weekday point(s), 4 needed.", result.Summary);
        Assert.Equal((3, 11), (Detail<int>(result, "trainingPoints"), Detail<int>(result, "leadingEmptyPointsDropped")));
    }

    [Fact]
    public void Evaluate_DropsLeadingEmptyTrainingPoints_SoTheyDoNotDiluteTheBaseline()
    {
        // Six real Saturdays 190, 210, 200, 205, 195, 200: mean 200, Σd² = 100 + 100 + 0 + 25 + 25 + 0 = 250,
        // s = √(250 / 5) = √50. A drop to 150 scores −50 / √50 = −7.07107. Had the eight empty Saturdays counted, the
        // mean would be 1,200 / 14 = 85.7 and s = 102.8, and the same drop would score +0.63: unseen.
        var result = Anomaly([0, 0, 0, 0, 0, 0, 0, 0, 190, 210, 200, 205, 195, 200], today: 150);

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Equal(-Math.Sqrt(50), result.AnomalyScore!.Value, 9);
        Assert.Equal((6, 8), (Detail<int>(result, "trainingPoints"), Detail<int>(result, "leadingEmptyPointsDropped")));
    }

    [Fact]
    public void Evaluate_CountsAnEmptySaturday_OnceTheDataExists()
    {
        // After three leading empty Saturdays: 200, 200, then a real empty one, then eight more at 200. Eleven points,
        // mean 2,000 / 11; ten sit 200/11 above it and one 2,000/11 below, so s² = (10·(200/11)² + (2000/11)²) / 10 =
        // 40,000 / 11 and s = 200 / √11. A normal 200 scores (200/11) / (200/√11) = 1 / √11 = 0.30151.
        var result = Anomaly([0, 0, 0, 200, 200, 0, 200, 200, 200, 200, 200, 200, 200, 200], today: 200);

        Assert.Equal(CheckOutcome.Healthy, result.Outcome);
        Assert.Equal(1 / Math.Sqrt(11), result.AnomalyScore!.Value, 9);
        Assert.Equal((11, 3), (Detail<int>(result, "trainingPoints"), Detail<int>(result, "leadingEmptyPointsDropped")));
    }

    [Fact]
    public void Evaluate_ComparesLocalWeekdays_InTheChecksZone()
    {
        // In Tokyo (UTC+9) the window [15:00 UTC Friday, 15:00 UTC Saturday) is Saturday 00:00-24:00 local: the
        // points carry that local start, so the baseline is made of Saturdays, not of the Fridays UTC would see.
        var check = Check(Rules(anomaly: new AnomalyRuleSpec(TimeSpan.FromDays(1), new AnomalySettings(TrainingPoints: 4), null)), Tokyo);
        var now = Utc("2026-11-21T15:00:00Z");
        var request = DataCheckPlan.For(check, now);

        var result = DataCheckEvaluator.Evaluate(check, request, DataObservation.Empty with { Volumes = [.. request.Ranges.Select(_ => new DataVolume(100, null))] }, default, Latency)
            .Find(DataRuleKinds.Anomaly)!;

        Assert.Equal((CheckOutcome.Healthy, 0.0), (result.Outcome, result.AnomalyScore));
        Assert.Equal(4, Detail<int>(result, "trainingPoints"));
        Assert.Equal("|z| <= 3 against 4 same-weekday windows of 1d (at least 4)", result.Expected);
    }

    [Fact]
    public void Evaluate_IgnoresEveryOtherWeekday_WhateverTheirNoise()
    {
        Gen.Int.Sample(seed =>
        {
            var result = Anomaly(SeasonalSaturdays, today: 210, noiseSeed: seed);

            Assert.Equal(10 / SeasonalDeviation, result.AnomalyScore!.Value, 9);
        }, iter: 50);
    }

    [Fact]
    public void Evaluate_JudgesAYoungDataset_AsIfItsEmptyPastWereNotThere()
    {
        // n real Saturdays after 14 − n empty ones score as the same n Saturdays would with only n training windows, as
        // long as n reaches the minimum history of 4; below it, the rule does not judge.
        var gen = Gen.Select(Gen.Int[1, 14], Gen.Long[1, 5_000].Array[14], Gen.Long[0, 10_000], (n, values, today) => (n, values, today));

        gen.Sample(sample =>
        {
            var young = Enumerable.Repeat(0L, 14 - sample.n).Concat(sample.values.Take(sample.n)).ToArray();

            var result = Anomaly(young, sample.today);

            if (sample.n < 4)
            {
                Assert.Null(result.AnomalyScore);
                return;
            }

            var reference = VolumeAnomaly.Evaluate(
                sample.values.Take(sample.n).Select((count, i) => new VolumePoint(new DateTimeOffset(Saturday.AddDays(-7 * (sample.n - i)).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), count)),
                new VolumePoint(new DateTimeOffset(Saturday.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), sample.today),
                new AnomalySettings());
            Assert.Equal(reference.Score, result.AnomalyScore);
            Assert.Equal(reference.IsAnomaly, result.Outcome == CheckOutcome.Failed);
        }, iter: 300);
    }

    /// <summary>The anomaly result on Saturday 21 November, its 14 earlier Saturdays given oldest first.</summary>
    private static DataRuleResult Anomaly(long[] saturdays, long today, AnomalySettings? settings = null, int noiseSeed = 20261121)
    {
        var series = Series(saturdays, today, noiseSeed);
        var check = Check(Rules(anomaly: new AnomalyRuleSpec(TimeSpan.FromDays(1), settings ?? new AnomalySettings(), null)));
        var request = DataCheckPlan.For(check, Now);
        var volumes = request.Ranges.Select(range => new DataVolume(Count(series, range), null)).ToImmutableArray();

        return DataCheckEvaluator.Evaluate(check, request, DataObservation.Empty with { Volumes = volumes }, default, Latency).Find(DataRuleKinds.Anomaly)!;
    }

    // Twenty weeks of days up to the current Saturday: the listed Saturdays, weekdays 1,000 ± 50 and Sundays 200 ± 20.
    private static Dictionary<DateOnly, long> Series(long[] saturdays, long today, int noiseSeed)
    {
        var noise = new Random(noiseSeed);
        var series = new Dictionary<DateOnly, long>();
        for (var day = Saturday.AddDays(-20 * 7); day <= Saturday; day = day.AddDays(1))
        {
            series[day] = day.DayOfWeek switch
            {
                DayOfWeek.Saturday => 0,
                DayOfWeek.Sunday => 200 + noise.Next(-20, 21),
                _ => 1000 + noise.Next(-50, 51),
            };
        }

        for (var weeksBack = 1; weeksBack <= saturdays.Length; weeksBack++)
        {
            series[Saturday.AddDays(-7 * weeksBack)] = saturdays[^weeksBack];
        }

        series[Saturday] = today;
        return series;
    }

    // What a source answers for a range: the rows of the (UTC) days it covers.
    private static long Count(Dictionary<DateOnly, long> series, DataRange range) => series
        .Where(day => new DateTimeOffset(day.Key.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) is var start && start >= range.From && start < range.To)
        .Sum(day => day.Value);
}
