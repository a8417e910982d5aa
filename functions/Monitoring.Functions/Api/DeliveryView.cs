using Monitoring.Core.Notifications;

namespace Monitoring.Functions.Api;

/// <summary>A delivery log entry as the API shows it.</summary>
public sealed record DeliveryView(
    DateTimeOffset Time,
    string Route,
    string Channel,
    string? ChannelKind,
    string GroupKey,
    IReadOnlyList<string> AlertKeys,
    int Alerts,
    string Kind,
    bool Test,
    bool Delivered,
    int Attempts,
    int? StatusCode,
    string? Error,
    double DurationMs,
    bool Held)
{
    /// <summary>Maps a delivery log entry.</summary>
    public static DeliveryView From(DeliveryLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.At, entry.Route, entry.Channel, entry.ChannelKind, entry.GroupKey, entry.AlertKeys.IsDefault ? [] : entry.AlertKeys,
            entry.Alerts, entry.Kind, entry.IsTest, entry.Delivered, entry.Attempts, entry.StatusCode, entry.Error, entry.DurationMs, entry.Held);
    }
}
