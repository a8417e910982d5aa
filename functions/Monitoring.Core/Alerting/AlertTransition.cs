namespace Monitoring.Core.Alerting;

/// <summary>
/// One change the engine made, for the audit table <c>MonitorAlert_CL</c> (every one) and for routing
/// (those with <see cref="Notify"/> other than None). Escalations, repeats and acknowledgements of a
/// silenced alert keep their state and are still recorded.
/// </summary>
/// <param name="Definition">The alert.</param>
/// <param name="From">The state before.</param>
/// <param name="To">The state after.</param>
/// <param name="At">When it happened.</param>
/// <param name="Summary">The latest observation's summary.</param>
/// <param name="Notify">Whether and how to notify.</param>
/// <param name="Incident">The open or last incident's number (0 when none was ever opened).</param>
/// <param name="Notification">The number of this notification within the incident (1 for the first), or 0 when not notified.</param>
/// <param name="EscalationLevel">The escalation level reached, for <see cref="AlertNotifyKind.Escalation"/>; otherwise the level so far.</param>
/// <param name="Reason">What caused a change that no observation explains (a silence, an inhibition, an acknowledgement), or null.</param>
public sealed record AlertTransition(
    AlertDefinition Definition,
    AlertState From,
    AlertState To,
    DateTimeOffset At,
    string Summary,
    AlertNotifyKind Notify,
    int Incident,
    int Notification,
    int EscalationLevel,
    string? Reason)
{
    /// <summary>The alert key.</summary>
    public string Key => Definition.Key;
}
