using System.Collections.Immutable;

namespace Monitoring.Core.Notifications;

/// <summary>One delivery of one message to one channel, as the delivery log (<c>MonitorDelivery_CL</c>) keeps it.</summary>
/// <param name="At">When the delivery started (UTC).</param>
/// <param name="Route">The route that sent the message.</param>
/// <param name="Channel">The channel's name in the spec.</param>
/// <param name="ChannelKind">teams, email, webhook or outbox; null when the route names a channel that is not configured.</param>
/// <param name="GroupKey">The alert group of the message.</param>
/// <param name="AlertKeys">The keys of the alerts the message carried, in message order.</param>
/// <param name="Kind">firing, resolved, reminder or test; comma-separated when the message mixes kinds.</param>
/// <param name="Delivered">True when the destination accepted the message.</param>
/// <param name="Attempts">Requests made, retries included.</param>
/// <param name="StatusCode">The last HTTP status, for HTTP channels.</param>
/// <param name="Error">Why it failed (redacted, no URL), when it did.</param>
/// <param name="DurationMs">From the first attempt to the result, waits included.</param>
/// <param name="Held">True when the channel held the message for a later digest (email rate limits); Delivered is then false.</param>
public sealed record DeliveryLogEntry(
    DateTimeOffset At,
    string Route,
    string Channel,
    string? ChannelKind,
    string GroupKey,
    ImmutableArray<string> AlertKeys,
    string Kind,
    bool Delivered,
    int Attempts,
    int? StatusCode,
    string? Error,
    double DurationMs,
    bool Held = false)
{
    /// <summary>The kind a delivery of test messages has.</summary>
    public const string TestKind = "test";

    /// <summary>How many alerts the message carried.</summary>
    public int Alerts => AlertKeys.IsDefault ? 0 : AlertKeys.Length;

    /// <summary>True for a delivery of test messages (test-notify), which no alert caused.</summary>
    public bool IsTest => string.Equals(Kind, TestKind, StringComparison.Ordinal);

    /// <summary>The entry for delivering <paramref name="message"/> to a channel, started at <paramref name="at"/>, with its <paramref name="result"/>.</summary>
    public static DeliveryLogEntry For(DateTimeOffset at, string route, string channel, string? channelKind, NotificationMessage message, DeliveryResult result)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(result);
        return new DeliveryLogEntry(
            at.ToUniversalTime(),
            route,
            channel,
            channelKind,
            message.GroupKey,
            [.. message.Alerts.Select(a => a.AlertKey)],
            KindOf(message),
            result.Delivered,
            result.Attempts,
            result.StatusCode,
            result.Error,
            result.Duration.TotalMilliseconds,
            result.Held);
    }

    /// <summary>The kinds of the alerts in <paramref name="message"/>, lower-case, in declaration order, comma-separated.</summary>
    public static string KindOf(NotificationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return string.Join(",", message.Alerts.Select(a => a.Kind).Distinct().Order().Select(WireName));
    }

    private static string WireName(NotificationKind kind) => kind switch
    {
        NotificationKind.Firing => "firing",
        NotificationKind.Resolved => "resolved",
        NotificationKind.Reminder => "reminder",
        NotificationKind.Test => TestKind,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown notification kind."),
    };
}
