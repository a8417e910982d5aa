namespace Monitoring.Azure.Email;

/// <summary>The status of an ACS send operation, as the service reports it.</summary>
public enum AcsEmailStatus
{
    /// <summary>Accepted, not picked up yet.</summary>
    NotStarted,

    /// <summary>Being delivered.</summary>
    Running,

    /// <summary>Delivered to the recipients' mail servers (terminal).</summary>
    Succeeded,

    /// <summary>Failed; the operation's error says why (terminal).</summary>
    Failed,

    /// <summary>Canceled (terminal).</summary>
    Canceled,
}
