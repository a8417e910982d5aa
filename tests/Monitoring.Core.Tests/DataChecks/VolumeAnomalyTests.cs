using Monitoring.Core.DataChecks;
using Xunit;

namespace Monitoring.Core.Tests.DataChecks;

/// <summary>
/// Volume anomalies against a same-weekday baseline. The series are fixed, so each expected score is worked out by
/// hand: the weekday offsets below (0, +10, −10, +5, −5, 0, +10, −10) have a sample standard deviation of √(450/7) = 8.02,
/// which the floor of 1% of the mean raises to 10 for a baseline of 1,000.
/// </summary>
public sealed class VolumeAnomalyTests
{
    // 2026-09-07 is a Monday.
    private static readonly DateTimeOffset FirstMonday = new(2026, 9, 7, 0, 0, 0, TimeSpan.FromHours(2));
    private static readonly double[] Offsets = [0, 10, -10, 5, -5, 0, 10, -10];
    private static readonly double Deviation = Math.Sqrt(450.0 / 7);

    [Fact]
    public void Evaluate_ComparesSaturdaysWithSaturdays_WhenTheSeriesHasWeeklySeasonality()
    {
        // Weekdays carry 1,000 rows, weekends 200: against all days a normal Saturday would look like a collapse.
        var history = Weeks(8, weekday: 1000, weekend: 200);
        var saturday = new VolumePoint(FirstMonday.AddDays((8 * 7) + 5), 208);

        var result = VolumeAnomaly.Evaluate(history, saturday, new AnomalySettings());

        Assert.Equal(200, result.Mean, 6);
        Assert.Equal(8 / Deviation, result.Score!.Value, 6);   // 0.998
        Assert.False(result.IsAnomaly);
        Assert.All(result.Training, p => Assert.Equal(DayOfWeek.Saturday, p.LocalStart.DayOfWeek));
    }

    [Theory]
    // count on the 9th Monday, direction -> anomaly
    [InlineData(1100, AnomalyDirection.Both, true)]
    [InlineData(1100, AnomalyDirection.Spike, true)]
    [InlineData(1100, AnomalyDirection.Drop, false)]
    [InlineData(900, AnomalyDirection.Both, true)]
    [InlineData(900, AnomalyDirection.Drop, true)]
    [InlineData(900, AnomalyDirection.Spike, false)]
    [InlineData(1020, AnomalyDirection.Both, false)]
    [InlineData(1031, AnomalyDirection.Both, true)]
    public void Evaluate_ScoresSpikesAndDrops_AndWatchesOnlyTheChosenDirection(double count, AnomalyDirection direction, bool anomaly)
    {
        var monday = new VolumePoint(FirstMonday.AddDays(8 * 7), count);

        var result = VolumeAnomaly.Evaluate(Weeks(8, weekday: 1000, weekend: 200), monday, new AnomalySettings(Direction: direction));

        Assert.Equal((count - 1000) / 10, result.Score!.Value, 6);   // ±10 for ±100, 2 for +20
        Assert.Equal(anomaly, result.IsAnomaly);
    }

    [Fact]
    public void Evaluate_NeverAlerts_WhenTheHistoryIsTooShort()
    {
        var history = Weeks(3, weekday: 1000, weekend: 200);
        var emptied = new VolumePoint(FirstMonday.AddDays(3 * 7), 0);

        var result = VolumeAnomaly.Evaluate(history, emptied, new AnomalySettings());

        Assert.Null(result.Score);
        Assert.False(result.IsAnomaly);
        Assert.Contains("3 earlier same-weekday point(s), 4 needed", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_LeavesTheDetectionPeriodOutOfItsOwnTraining()
    {
        var monday = new VolumePoint(FirstMonday.AddDays(8 * 7), 1100);
        var history = Weeks(8, weekday: 1000, weekend: 200).Append(monday).Append(new VolumePoint(monday.LocalStart.AddDays(7), 5000));

        var result = VolumeAnomaly.Evaluate(history, monday, new AnomalySettings());

        Assert.Equal(8, result.Training.Length);
        Assert.Equal(10, result.Score!.Value, 6);
    }

    [Fact]
    public void Evaluate_TrainsOnTheLatestFourteenPointsOfTheSeason()
    {
        // Twenty Mondays: the first six at 5,000 are older than the fourteen that count, all at 1,000.
        var history = Enumerable.Range(0, 20).Select(w => new VolumePoint(FirstMonday.AddDays(w * 7), w < 6 ? 5000 : 1000));

        var result = VolumeAnomaly.Evaluate(history, new VolumePoint(FirstMonday.AddDays(20 * 7), 1000), new AnomalySettings());

        Assert.Equal(14, result.Training.Length);
        Assert.Equal(1000, result.Mean);
        Assert.Equal(0, result.Score);
    }

    [Fact]
    public void Evaluate_FloorsTheDeviation_SoAFlatHistoryDoesNotMakeEveryChangeInfinite()
    {
        var flat = Enumerable.Range(0, 8).Select(w => new VolumePoint(FirstMonday.AddDays(w * 7), 1000));

        var small = VolumeAnomaly.Evaluate(flat, new VolumePoint(FirstMonday.AddDays(8 * 7), 1001), new AnomalySettings());
        var large = VolumeAnomaly.Evaluate(flat, new VolumePoint(FirstMonday.AddDays(8 * 7), 1031), new AnomalySettings());

        Assert.Equal(10, small.StandardDeviation);   // 1% of the mean
        Assert.Equal((0.1, false), (small.Score!.Value, small.IsAnomaly));
        Assert.Equal((3.1, true), (Math.Round(large.Score!.Value, 6), large.IsAnomaly));
    }

    [Fact]
    public void Evaluate_ComparesTheSameHour_WhenTheSeasonIsWeekdayAndHour()
    {
        // Hourly volumes: Monday 09:00 is busy, Monday 03:00 quiet; a quiet 09:00 is a drop, a quiet 03:00 is not.
        var history = Enumerable.Range(0, 8).SelectMany(w => new[]
        {
            new VolumePoint(FirstMonday.AddDays(w * 7).AddHours(3), 50 + Offsets[w]),
            new VolumePoint(FirstMonday.AddDays(w * 7).AddHours(9), 1000 + Offsets[w]),
        }).ToList();
        var settings = new AnomalySettings(Season: AnomalySeason.WeekdayAndHour);

        var quietMorning = VolumeAnomaly.Evaluate(history, new VolumePoint(FirstMonday.AddDays(8 * 7).AddHours(9), 50), settings);
        var quietNight = VolumeAnomaly.Evaluate(history, new VolumePoint(FirstMonday.AddDays(8 * 7).AddHours(3), 50), settings);

        Assert.True(quietMorning.IsAnomaly);
        Assert.Equal(-95, quietMorning.Score!.Value, 6);
        Assert.False(quietNight.IsAnomaly);
        Assert.Equal(0, quietNight.Score!.Value, 6);
    }

    // Whole weeks from the first Monday: each weekday's value is its base plus that week's offset.
    private static IEnumerable<VolumePoint> Weeks(int weeks, double weekday, double weekend) =>
        Enumerable.Range(0, weeks).SelectMany(w => Enumerable.Range(0, 7).Select(d =>
            new VolumePoint(FirstMonday.AddDays((w * 7) + d), (d >= 5 ? weekend : weekday) + Offsets[w % Offsets.Length])));
}
