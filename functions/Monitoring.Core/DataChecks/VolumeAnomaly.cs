using System.Collections.Immutable;
using System.Globalization;

namespace Monitoring.Core.DataChecks;

/// <summary>Which side of the baseline counts as an anomaly.</summary>
public enum AnomalyDirection
{
    /// <summary>Too many or too few.</summary>
    Both,

    /// <summary>Only too many (a duplicate load, a retry storm).</summary>
    Spike,

    /// <summary>Only too few (a missing partition, a stalled feed).</summary>
    Drop,
}

/// <summary>What a point is compared with: the same weekday, or the same weekday and hour, in the data's own time zone.</summary>
public enum AnomalySeason
{
    /// <summary>Daily volumes: Mondays against Mondays.</summary>
    Weekday,

    /// <summary>Hourly volumes: Monday 09:00 against Monday 09:00.</summary>
    WeekdayAndHour,
}

/// <summary>One period's volume.</summary>
/// <param name="LocalStart">When the period starts, in the data's own time zone (weekdays are local).</param>
/// <param name="Count">Rows, events or bytes in the period.</param>
public sealed record VolumePoint(DateTimeOffset LocalStart, double Count);

/// <summary>The rule's settings, with the defaults the data checks use.</summary>
/// <param name="Sensitivity">How many standard deviations from the baseline is an anomaly (3).</param>
/// <param name="TrainingPoints">How many earlier points of the same season form the baseline (14).</param>
/// <param name="MinimumHistory">Fewer training points than this, and the rule does not alert at all (4).</param>
/// <param name="Direction">Spikes, drops or both.</param>
/// <param name="Season">What a point is compared with.</param>
public sealed record AnomalySettings(
    double Sensitivity = 3,
    int TrainingPoints = 14,
    int MinimumHistory = 4,
    AnomalyDirection Direction = AnomalyDirection.Both,
    AnomalySeason Season = AnomalySeason.Weekday);

/// <summary>How a point compares with its baseline.</summary>
/// <param name="Score">The z-score, (count − mean) ÷ standard deviation; null when the history is too short.</param>
/// <param name="Mean">The baseline's mean.</param>
/// <param name="StandardDeviation">The baseline's standard deviation, after its floor.</param>
/// <param name="Training">The baseline's points, oldest first.</param>
/// <param name="IsAnomaly">True when the score passes the sensitivity in a watched direction.</param>
/// <param name="Explanation">One sentence a person can read.</param>
public sealed record AnomalyResult(double? Score, double Mean, double StandardDeviation, ImmutableArray<VolumePoint> Training, bool IsAnomaly, string Explanation);

/// <summary>
/// Volume anomalies by z-score against a same-weekday baseline: the <see cref="AnomalySettings.TrainingPoints"/>
/// latest earlier points of the same season, never the point being judged (the detection period is excluded from its
/// own training, so an outage cannot teach the baseline that it is normal). Pure: the caller fetches the series.
/// </summary>
public static class VolumeAnomaly
{
    /// <summary>
    /// The least standard deviation used: 1, or 1% of the mean if larger. A perfectly flat history would otherwise make
    /// any change, however small, infinitely anomalous.
    /// </summary>
    public static double DeviationFloor(double mean) => Math.Max(1, Math.Abs(mean) * 0.01);

    /// <summary>Judges <paramref name="current"/> against <paramref name="history"/> (in any order; points at or after the current one are ignored).</summary>
    public static AnomalyResult Evaluate(IEnumerable<VolumePoint> history, VolumePoint current, AnomalySettings settings)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.Sensitivity, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.TrainingPoints, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.MinimumHistory, nameof(settings));

        var training = history
            .Where(p => p.LocalStart < current.LocalStart && SameSeason(p, current, settings.Season))
            .OrderByDescending(p => p.LocalStart)
            .Take(settings.TrainingPoints)
            .Reverse()
            .ToImmutableArray();

        if (training.Length < Math.Min(settings.MinimumHistory, settings.TrainingPoints))
        {
            return new AnomalyResult(null, 0, 0, training, false, string.Create(CultureInfo.InvariantCulture,
                $"Not enough history to judge: {training.Length} earlier {Season(settings.Season)} point(s), {settings.MinimumHistory} needed."));
        }

        var mean = training.Average(p => p.Count);
        var variance = training.Sum(p => (p.Count - mean) * (p.Count - mean)) / (training.Length > 1 ? training.Length - 1 : 1);
        var deviation = Math.Max(Math.Sqrt(variance), DeviationFloor(mean));
        var score = (current.Count - mean) / deviation;
        var anomaly = settings.Direction switch
        {
            AnomalyDirection.Spike => score > settings.Sensitivity,
            AnomalyDirection.Drop => score < -settings.Sensitivity,
            _ => Math.Abs(score) > settings.Sensitivity,
        };
        var verdict = anomaly ? "beyond" : "within";
        var explanation = string.Create(CultureInfo.InvariantCulture,
            $"{current.Count:0.##} against a baseline of {mean:0.##} ± {deviation:0.##} over {training.Length} earlier {Season(settings.Season)} points: z = {score:0.##}, {verdict} the sensitivity of {settings.Sensitivity:0.##}.");
        return new AnomalyResult(score, mean, deviation, training, anomaly, explanation);
    }

    private static bool SameSeason(VolumePoint point, VolumePoint current, AnomalySeason season) =>
        point.LocalStart.DayOfWeek == current.LocalStart.DayOfWeek
        && (season == AnomalySeason.Weekday || point.LocalStart.Hour == current.LocalStart.Hour);

    private static string Season(AnomalySeason season) => season == AnomalySeason.Weekday ? "same-weekday" : "same-weekday-and-hour";
}
