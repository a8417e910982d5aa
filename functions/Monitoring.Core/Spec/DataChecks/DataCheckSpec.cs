using System.Collections.Immutable;

namespace Monitoring.Core.Spec;

/// <summary>A data check: one source read on an interval, and the rules its observations must keep.</summary>
/// <param name="Name">Unique data check name (unique across checks and data checks, since alerts and SLOs name them).</param>
/// <param name="Service">The owning service, if any (a key of <see cref="MonitoringSpec.Services"/>).</param>
/// <param name="Description">Free text for people.</param>
/// <param name="Enabled">Disabled data checks are validated but never run.</param>
/// <param name="Interval">How often the source is read.</param>
/// <param name="Timeout">Upper bound on one read of the source, connecting included; past it the read is a connection-health failure.</param>
/// <param name="Dataset">What the data is called in results (defaults to the check name).</param>
/// <param name="Zone">The time zone of deadlines and of the weekdays anomaly baselines compare (UTC unless given).</param>
/// <param name="Labels">Free-form labels for routing and silences.</param>
/// <param name="Source">Where the observations come from.</param>
/// <param name="Rules">What the observations must keep; at least one rule is set.</param>
public sealed record DataCheckSpec(
    string Name,
    string? Service,
    string? Description,
    bool Enabled,
    TimeSpan Interval,
    TimeSpan Timeout,
    string Dataset,
    TimeZoneInfo Zone,
    ImmutableDictionary<string, string> Labels,
    DataSourceSpec Source,
    DataRulesSpec Rules)
{
    /// <summary>The interval when a data check sets none.</summary>
    public static TimeSpan DefaultInterval { get; } = TimeSpan.FromMinutes(5);

    /// <summary>The timeout when a data check sets none (cut to the interval when that is shorter).</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(30);

    /// <summary>The shortest interval: reading a source more often only adds load to it.</summary>
    public static TimeSpan MinInterval { get; } = TimeSpan.FromSeconds(10);

    /// <summary>How the rule alerts fire and resolve (severity overridable per rule).</summary>
    public CheckAlertSpec Alert { get; init; } = DefaultAlert;

    /// <summary>warning, one violating read fires, one good read resolves: a data read is already a considered, infrequent sample.</summary>
    public static CheckAlertSpec DefaultAlert { get; } = new(Alerting.AlertSeverity.Warning, 1, 1, null);
}
