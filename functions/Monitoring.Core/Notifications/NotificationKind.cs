namespace Monitoring.Core.Notifications;

/// <summary>Why a notification is sent.</summary>
public enum NotificationKind
{
    /// <summary>An alert started firing.</summary>
    Firing,

    /// <summary>A firing alert resolved.</summary>
    Resolved,

    /// <summary>Still firing: a repeat, an escalation, or the end of a maintenance window that muted it.</summary>
    Reminder,

    /// <summary>A test message proving a route delivers.</summary>
    Test,
}
