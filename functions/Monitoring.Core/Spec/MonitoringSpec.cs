using System.Collections.Immutable;

namespace Monitoring.Core.Spec;

/// <summary>A validated, immutable monitoring spec: what to check, how often, and who owns it.</summary>
/// <param name="Defaults">Values every check inherits unless it sets its own.</param>
/// <param name="Services">The services that checks belong to, keyed by name.</param>
/// <param name="Checks">Synthetic checks, in the order the spec lists them.</param>
public sealed record MonitoringSpec(
    SpecDefaults Defaults,
    ImmutableDictionary<string, ServiceSpec> Services,
    ImmutableArray<CheckSpec> Checks)
{
    /// <summary>The only spec version this build understands.</summary>
    public const string CurrentVersion = "monitoring/v1";

    /// <summary>Service level objectives, in the order the spec lists them.</summary>
    public ImmutableArray<SloSpec> Slos { get; init; } = [];

    /// <summary>Channels and routes for notifications; without the section every alert goes to the outbox.</summary>
    public NotificationsSpec Notifications { get; init; } = NotificationsSpec.Default;

    /// <summary>Maintenance windows: while one is open, the alerts it matches are muted; at its end, whatever still fires is announced.</summary>
    public ImmutableArray<Routing.MaintenanceWindow> Maintenance { get; init; } = [];

    /// <summary>Data checks (freshness, volume, anomalies, schema drift, pipeline runs), in the order the spec lists them.</summary>
    public ImmutableArray<DataCheckSpec> DataChecks { get; init; } = [];

    /// <summary>Finds a data check by name (ordinal, case-sensitive), or null.</summary>
    public DataCheckSpec? FindDataCheck(string name) => DataChecks.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    /// <summary>Finds a check by name (ordinal, case-sensitive), or null.</summary>
    public CheckSpec? FindCheck(string name) => Checks.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
}
