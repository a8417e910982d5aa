namespace Monitoring.Core.Alerting;

/// <summary>What mutes an alert at an instant: the reason shown, and the open inhibitor if there is one (even when a silence is the reason).</summary>
internal sealed record AlertMute(string? Reason, string? Inhibitor)
{
    public static AlertMute None { get; } = new(null, null);
}
