namespace Monitoring.Core.Alerting;

/// <summary>Whether a transition is worth a notification, and which kind. Routing delivers only these.</summary>
public enum AlertNotifyKind
{
    /// <summary>Recorded, not delivered (pending, silenced, acknowledged and quiet changes).</summary>
    None,

    /// <summary>The first notification of an incident.</summary>
    Firing,

    /// <summary>A notified incident closed.</summary>
    Resolved,

    /// <summary>A silence, maintenance window or inhibition ended while the incident was still open, and it had been notified before.</summary>
    StillFiring,

    /// <summary>An unacknowledged incident reached the next escalation level.</summary>
    Escalation,

    /// <summary>An unacknowledged incident is still firing after the repeat interval.</summary>
    Repeat,
}
