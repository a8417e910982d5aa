using System.Collections.Immutable;
using Monitoring.Core.Routing;
using Monitoring.Core.Spec;

namespace Monitoring.Core.DataChecks;

/// <summary>
/// Where each rule's ranges sit in <see cref="DataReadRequest.Ranges"/> (and so in <see cref="DataObservation.Volumes"/>):
/// the volume window first, then the anomaly's current window followed by its training windows, newest first.
/// </summary>
/// <param name="Volume">The index of the volume rule's window; null without a volume rule.</param>
/// <param name="AnomalyCurrent">The index of the anomaly rule's current window; null without an anomaly rule.</param>
/// <param name="AnomalyTrainingPoints">How many training windows follow the anomaly's current window (0 without an anomaly rule).</param>
public sealed record DataRangeMap(int? Volume, int? AnomalyCurrent, int AnomalyTrainingPoints)
{
    /// <summary>How many ranges the request holds.</summary>
    public int Count => (Volume is null ? 0 : 1) + (AnomalyCurrent is null ? 0 : 1 + AnomalyTrainingPoints);

    /// <summary>The index of the anomaly training window <paramref name="weeksBack"/> weeks (1 to <see cref="AnomalyTrainingPoints"/>) before the current one.</summary>
    public int AnomalyTraining(int weeksBack)
    {
        if (AnomalyCurrent is not { } current)
        {
            throw new InvalidOperationException("The check has no anomaly rule, so no training windows.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(weeksBack, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(weeksBack, AnomalyTrainingPoints);
        return current + weeksBack;
    }
}

/// <summary>Turns a data check's rules into the one read its source must answer.</summary>
public static class DataCheckPlan
{
    /// <summary>
    /// The request for <paramref name="check"/> at <paramref name="now"/>: the last-updated time for freshness; ranges for
    /// volume (its trailing window) and anomaly (its trailing window, then the same window 7, 14, … days earlier, one
    /// per training point); the schema for the schema rule; runs since now − lookback for the pipeline rule. The ranges
    /// are laid out as <see cref="Ranges(DataCheckSpec)"/> says.
    /// </summary>
    public static DataReadRequest For(DataCheckSpec check, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(check);
        var rules = check.Rules;
        var ranges = ImmutableArray.CreateBuilder<DataRange>();
        if (rules.Volume is { } volume)
        {
            ranges.Add(new DataRange(now - volume.Window, now));
        }

        if (rules.Anomaly is { } anomaly)
        {
            var current = new DataRange(now - anomaly.Window, now);
            ranges.Add(current);
            for (var weeksBack = 1; weeksBack <= anomaly.Settings.TrainingPoints; weeksBack++)
            {
                ranges.Add(WeeksBefore(current, weeksBack, check.Zone));
            }
        }

        return new DataReadRequest(
            Now: now,
            Timeout: check.Timeout,
            LastUpdated: rules.Freshness is not null,
            Ranges: ranges.ToImmutable(),
            Schema: rules.Schema is not null,
            RunsSince: rules.Pipeline is { } pipeline ? now - pipeline.Lookback : null);
    }

    /// <summary>Where each rule's ranges sit in the request <see cref="For"/> makes for <paramref name="check"/>.</summary>
    public static DataRangeMap Ranges(DataCheckSpec check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var volume = check.Rules.Volume is null ? (int?)null : 0;
        var anomaly = check.Rules.Anomaly;
        return new DataRangeMap(volume, anomaly is null ? null : volume is null ? 0 : 1, anomaly?.Settings.TrainingPoints ?? 0);
    }

    /// <summary>
    /// <paramref name="range"/> moved back <paramref name="weeks"/> weeks on the wall clock of <paramref name="zone"/>, not by
    /// 7 × 24 hours: across a DST change the earlier window then still covers the same local hours (and, near midnight,
    /// the same weekday), which is what a weekly seasonality repeats.
    /// </summary>
    public static DataRange WeeksBefore(DataRange range, int weeks, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var days = -7 * weeks;
        return new DataRange(
            MaintenanceSchedule.ToInstant(TimeZoneInfo.ConvertTime(range.From, zone).DateTime.AddDays(days), zone).ToOffset(range.From.Offset),
            MaintenanceSchedule.ToInstant(TimeZoneInfo.ConvertTime(range.To, zone).DateTime.AddDays(days), zone).ToOffset(range.To.Offset));
    }
}
