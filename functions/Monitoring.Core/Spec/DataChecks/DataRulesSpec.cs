using System.Collections.Immutable;
using Monitoring.Core.Alerting;
using Monitoring.Core.DataChecks;

namespace Monitoring.Core.Spec;

/// <summary>The rules of a data check, each at most once; at least one is set.</summary>
/// <param name="Freshness">The data must be recent.</param>
/// <param name="Volume">The row count in a window must be in range.</param>
/// <param name="Anomaly">The row count in a window must look like the same window on earlier same weekdays.</param>
/// <param name="Schema">The columns must match the accepted baseline.</param>
/// <param name="Pipeline">Pipeline runs must succeed, and within their duration.</param>
public sealed record DataRulesSpec(
    FreshnessRuleSpec? Freshness,
    VolumeRuleSpec? Volume,
    AnomalyRuleSpec? Anomaly,
    SchemaRuleSpec? Schema,
    PipelineRuleSpec? Pipeline);

/// <summary>
/// Freshness: the newest data is at most <see cref="MaxAge"/> old (Degraded past <see cref="WarnAfter"/>), and/or it
/// landed by a daily <see cref="Deadline"/>. At least one of <see cref="MaxAge"/> and <see cref="Deadline"/> is set.
/// </summary>
/// <param name="MaxAge">Older than this is Failed.</param>
/// <param name="WarnAfter">Older than this (and less than <see cref="MaxAge"/>) is Degraded.</param>
/// <param name="Deadline">A daily landing deadline.</param>
/// <param name="Severity">The alert's severity, when not the check's.</param>
public sealed record FreshnessRuleSpec(TimeSpan? MaxAge, TimeSpan? WarnAfter, FreshnessDeadline? Deadline, AlertSeverity? Severity);

/// <summary>
/// "Landed by 06:00 on weekdays": once the deadline has passed on one of <see cref="Days"/>, the data must have been
/// updated on that local day (at or after its midnight); until the next deadline, the last one passed still applies.
/// </summary>
/// <param name="Time">The local time by which the data must have landed.</param>
/// <param name="Days">The days the deadline applies; every day when empty.</param>
/// <param name="Zone">The zone <see cref="Time"/> and <see cref="Days"/> are written in (the check's).</param>
public sealed record FreshnessDeadline(TimeOnly Time, ImmutableHashSet<DayOfWeek> Days, TimeZoneInfo Zone);

/// <summary>Volume range: rows (and optionally bytes) in the last <see cref="Window"/> are within the bounds; at least one bound is set.</summary>
/// <param name="Window">The trailing window counted: [now − window, now).</param>
/// <param name="Min">Fewer rows is Failed.</param>
/// <param name="Max">More rows is Failed.</param>
/// <param name="MinBytes">Fewer bytes is Failed (sources that know bytes: blob, and kql/sql answering a Bytes column).</param>
/// <param name="Severity">The alert's severity, when not the check's.</param>
public sealed record VolumeRuleSpec(TimeSpan Window, long? Min, long? Max, long? MinBytes, AlertSeverity? Severity)
{
    /// <summary>The window when the rule sets none.</summary>
    public static TimeSpan DefaultWindow { get; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Volume anomaly: the rows in the last <see cref="Window"/> against the same window on the
/// <see cref="AnomalySettings.TrainingPoints"/> earlier same weekdays (7, 14, … days before), by z-score.
/// </summary>
/// <param name="Window">The trailing window judged: at most 7 days, so the detection period never overlaps its training.</param>
/// <param name="Settings">Sensitivity, training points, minimum history and direction (season is always weekday).</param>
/// <param name="Severity">The alert's severity, when not the check's.</param>
public sealed record AnomalyRuleSpec(TimeSpan Window, AnomalySettings Settings, AlertSeverity? Severity)
{
    /// <summary>The window when the rule sets none: daily volumes.</summary>
    public static TimeSpan DefaultWindow { get; } = TimeSpan.FromDays(1);

    /// <summary>The longest window: a longer one would overlap the same window a week earlier, its own training.</summary>
    public static TimeSpan MaxWindow { get; } = TimeSpan.FromDays(7);

    /// <summary>The most training points: a year of weeks, beyond which the baseline describes another business.</summary>
    public const int MaxTrainingPoints = 52;
}

/// <summary>Schema drift: columns added, removed or changed type against the stored baseline; a person accepts a change.</summary>
/// <param name="IgnoreAdded">True lets new columns pass (only removals and type changes are drift).</param>
/// <param name="Severity">The alert's severity, when not the check's.</param>
public sealed record SchemaRuleSpec(bool IgnoreAdded, AlertSeverity? Severity);

/// <summary>Pipeline runs: the latest finished run of each pipeline succeeded, and no run took (or is taking) longer than <see cref="MaxDuration"/>.</summary>
/// <param name="Lookback">How far back runs are read.</param>
/// <param name="MaxDuration">The duration SLA; null checks status only.</param>
/// <param name="Severity">The alert's severity, when not the check's.</param>
public sealed record PipelineRuleSpec(TimeSpan Lookback, TimeSpan? MaxDuration, AlertSeverity? Severity)
{
    /// <summary>The lookback when the rule sets none.</summary>
    public static TimeSpan DefaultLookback { get; } = TimeSpan.FromDays(1);
}
