using Monitoring.Core.Notifications;
using Monitoring.Core.Ports;
using Monitoring.Core.Routing;

namespace Monitoring.Functions.Alerting;

/// <summary>
/// Routes notifications and delivers them: each notification goes to its routes (first match,
/// with continue), notifications of one route group travel in one message, and every delivery
/// attempt is logged with its result.
/// </summary>
public sealed partial class NotificationDispatcher(Router router, IReadOnlyDictionary<string, INotificationChannel> channels, ILogger<NotificationDispatcher> logger)
{
    /// <summary>Delivers <paramref name="notifications"/>; returns one record per channel delivery.</summary>
    public async Task<IReadOnlyList<DeliveryRecord>> DispatchAsync(IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        var groups = new Dictionary<(RouteSpec Route, string Key), List<Notification>>();
        foreach (var notification in notifications)
        {
            foreach (var route in router.RoutesFor(notification))
            {
                if (notification.Kind == NotificationKind.Resolved && !route.SendResolved)
                {
                    continue;
                }

                var key = (route, Router.GroupKey(route, notification));
                if (!groups.TryGetValue(key, out var members))
                {
                    groups[key] = members = [];
                }

                members.Add(notification);
            }
        }

        var records = new List<DeliveryRecord>();
        foreach (var ((route, groupKey), members) in groups)
        {
            var message = new NotificationMessage(groupKey, [.. members.OrderBy(n => Severities.Rank(n.Severity)).ThenBy(n => n.AlertKey, StringComparer.Ordinal)]);
            records.AddRange(await DeliverAsync(route.Name, route.Channels, message, cancellationToken));
        }

        return records;
    }

    /// <summary>Delivers <paramref name="message"/> to <paramref name="channelNames"/> (an escalation level's channels, say), logging each delivery.</summary>
    public async Task<IReadOnlyList<DeliveryRecord>> DeliverAsync(string routeName, IReadOnlyList<string> channelNames, NotificationMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channelNames);
        ArgumentNullException.ThrowIfNull(message);
        var records = new List<DeliveryRecord>();
        foreach (var channelName in channelNames)
        {
            if (!channels.TryGetValue(channelName, out var channel))
            {
                UnknownChannel(logger, routeName, channelName);
                records.Add(new DeliveryRecord(routeName, channelName, message.GroupKey, message.Alerts.Length, new DeliveryResult(false, 0, null, "no such channel", TimeSpan.Zero)));
                continue;
            }

            var result = await channel.DeliverAsync(message, cancellationToken);
            if (result.Delivered)
            {
                Delivered(logger, routeName, channelName, message.GroupKey, message.Alerts.Length, result.Attempts, (long)result.Duration.TotalMilliseconds);
            }
            else if (result.Held)
            {
                Held(logger, routeName, channelName, message.GroupKey, message.Alerts.Length, result.Error);
            }
            else
            {
                DeliveryFailed(logger, routeName, channelName, message.GroupKey, message.Alerts.Length, result.Attempts, result.Error);
            }

            records.Add(new DeliveryRecord(routeName, channelName, message.GroupKey, message.Alerts.Length, result));
        }

        return records;
    }

    [LoggerMessage(EventId = 520, Level = LogLevel.Information, Message = "Delivered {Alerts} alert(s) of group {GroupKey} via route {Route} to channel {Channel} in {Attempts} attempt(s), {DurationMs} ms")]
    private static partial void Delivered(ILogger logger, string route, string channel, string groupKey, int alerts, int attempts, long durationMs);

    [LoggerMessage(EventId = 521, Level = LogLevel.Error, Message = "Delivery of {Alerts} alert(s) of group {GroupKey} via route {Route} to channel {Channel} failed after {Attempts} attempt(s): {Error}")]
    private static partial void DeliveryFailed(ILogger logger, string route, string channel, string groupKey, int alerts, int attempts, string? error);

    [LoggerMessage(EventId = 523, Level = LogLevel.Information, Message = "Held {Alerts} alert(s) of group {GroupKey} via route {Route} on channel {Channel} for a later digest (error: {Error})")]
    private static partial void Held(ILogger logger, string route, string channel, string groupKey, int alerts, string? error);

    [LoggerMessage(EventId = 522, Level = LogLevel.Error, Message = "Route {Route} names channel {Channel}, which is not configured")]
    private static partial void UnknownChannel(ILogger logger, string route, string channel);
}

/// <summary>One delivery of one message to one channel, for the delivery log.</summary>
public sealed record DeliveryRecord(string Route, string Channel, string GroupKey, int Alerts, DeliveryResult Result);
