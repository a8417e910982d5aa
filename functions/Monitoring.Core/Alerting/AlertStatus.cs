using System.Text.Json.Serialization;

namespace Monitoring.Core.Alerting;

/// <summary>
/// Everything the engine remembers about one alert between observations; stored as JSON in the
/// state store's <c>alerts</c> partition under the alert key. Read it for status pages and routing.
/// </summary>
public sealed record AlertStatus
{
    /// <summary>The definition seen last (a spec change takes effect on the next observation).</summary>
    public required AlertDefinition Definition { get; init; }

    /// <summary>The condition's own state, before muting and acknowledgement: Inactive, Pending, Firing or Resolved.</summary>
    public AlertState Phase { get; init; } = AlertState.Inactive;

    /// <summary>Why the open incident is muted (<c>silence 'id'</c> or <c>inhibited by 'key'</c>), or null.</summary>
    public string? MutedBy { get; init; }

    /// <summary>The alert whose open incident absorbed this one: it stays muted until this incident resolves.</summary>
    public string? Inhibitor { get; init; }

    /// <summary>Who acknowledged the open incident, or null.</summary>
    public string? AcknowledgedBy { get; init; }

    /// <summary>When the open incident was acknowledged, or null.</summary>
    public DateTimeOffset? AcknowledgedAt { get; init; }

    /// <summary>Breaching observations in a row.</summary>
    public int ConsecutiveBreaching { get; init; }

    /// <summary>Healthy observations in a row.</summary>
    public int ConsecutiveHealthy { get; init; }

    /// <summary>The first breaching observation of the current streak, or null while healthy.</summary>
    public DateTimeOffset? BreachingSince { get; init; }

    /// <summary>The latest breaching observation ever, or null.</summary>
    public DateTimeOffset? LastBreachingAt { get; init; }

    /// <summary>The latest observation taken; older or equal ones are duplicates.</summary>
    public DateTimeOffset? LastObservedAt { get; init; }

    /// <summary>The latest observation's summary.</summary>
    public string Summary { get; init; } = string.Empty;

    /// <summary>Incidents opened so far; the open or last incident's number (0 before the first).</summary>
    public int Incident { get; init; }

    /// <summary>When the open or last incident fired.</summary>
    public DateTimeOffset? FiringSince { get; init; }

    /// <summary>When the last incident resolved, or null; a new incident soon after it is flapping.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>True when the open or last incident opened within <see cref="AlertPolicy.FlappingKeepFiringFor"/> of the previous one resolving.</summary>
    public bool Flapping { get; init; }

    /// <summary>Notifications sent for the open or last incident.</summary>
    public int NotificationsInIncident { get; init; }

    /// <summary>When the open or last incident was first notified; escalation levels count from here.</summary>
    public DateTimeOffset? FirstNotifiedAt { get; init; }

    /// <summary>When the open or last incident was last notified; repeats count from here.</summary>
    public DateTimeOffset? LastNotifiedAt { get; init; }

    /// <summary>Escalation levels already claimed for the open incident.</summary>
    public int EscalationLevel { get; init; }

    /// <summary>The state people see: the phase, shown as Silenced or Acknowledged while an open incident is muted or owned.</summary>
    [JsonIgnore]
    public AlertState State => Phase != AlertState.Firing ? Phase
        : MutedBy is not null ? AlertState.Silenced
        : IsAcknowledged ? AlertState.Acknowledged
        : AlertState.Firing;

    /// <summary>True while an incident is open (whether firing, acknowledged or silenced).</summary>
    [JsonIgnore]
    public bool IsOpen => Phase == AlertState.Firing;

    /// <summary>True when the open incident is acknowledged: routing sends no escalations or repeats for it.</summary>
    [JsonIgnore]
    public bool IsAcknowledged => IsOpen && AcknowledgedAt is not null;
}
