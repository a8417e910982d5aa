namespace Monitoring.Core.Alerting;

/// <summary>The state of one alert as people see it (and as <c>MonitorAlert_CL</c> records it).</summary>
public enum AlertState
{
    /// <summary>The condition is false, and no incident was ever opened or the last one was forgotten.</summary>
    Inactive,

    /// <summary>The condition is true but has not yet met the failure threshold or the pending period.</summary>
    Pending,

    /// <summary>An incident is open, unacknowledged and not muted: notifications, escalations and repeats flow.</summary>
    Firing,

    /// <summary>An incident is open and someone owns it: no escalations or repeats, resolve still notifies.</summary>
    Acknowledged,

    /// <summary>An incident is open but a silence, a maintenance window or an inhibiting alert mutes it.</summary>
    Silenced,

    /// <summary>The last incident closed after the success threshold and the keep-firing period.</summary>
    Resolved,
}
