using System.Collections.Immutable;

namespace Monitoring.Core.Notifications;

/// <summary>One alert as people are told about it: what broke, how badly, since when, and where to look.</summary>
/// <param name="Kind">Firing, resolved, reminder or test.</param>
/// <param name="AlertKey">Stable identity of the alert.</param>
/// <param name="AlertName">Human name, e.g. "checkout failing".</param>
/// <param name="Severity">critical, warning or info.</param>
/// <param name="Service">The owning service, if any.</param>
/// <param name="Team">The owning team, if any.</param>
/// <param name="Summary">What is failing, in one line (already redacted).</param>
/// <param name="LastError">The last error seen, if any (already redacted).</param>
/// <param name="Since">When the alert started firing.</param>
/// <param name="At">When this notification was decided.</param>
/// <param name="RunbookUrl">The runbook, if any.</param>
/// <param name="StatusPageUrl">The status page or deep-dive link, if configured.</param>
/// <param name="Labels">Labels used for routing, shown for context.</param>
public sealed record Notification(
    NotificationKind Kind,
    string AlertKey,
    string AlertName,
    string Severity,
    string? Service,
    string? Team,
    string Summary,
    string? LastError,
    DateTimeOffset Since,
    DateTimeOffset At,
    Uri? RunbookUrl,
    Uri? StatusPageUrl,
    ImmutableSortedDictionary<string, string> Labels);
