using Monitoring.Core.Notifications;
using Monitoring.Core.Ports;
using Monitoring.Core.Results;
using Monitoring.Core.Routing;
using Monitoring.Core.Secrets;

namespace Monitoring.Functions.Alerting;

/// <summary>
/// Routes notifications and delivers them: each notification goes to its routes (first match,
/// with continue), notifications of one route group travel in one message, and every delivery
/// delivery is logged with its result and recorded in the delivery log (<c>MonitorDelivery_CL</c>),
/// one append per dispatch. The log never costs a delivery: a failure to write it is a warning.
/// </summary>
public sealed partial class NotificationDispatcher(
    Router router,
    IReadOnlyDictionary<string, INotificationChannel> channels,
    IResultsWriter results,
    SecretRedactor redactor,
    TimeProvider time,
    ILogger<NotificationDispatcher> logger)
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
        var log = new List<DeliveryLogEntry>();
        foreach (var ((route, groupKey), members) in groups)
        {
            var message = new NotificationMessage(groupKey, [.. members.OrderBy(n => Severities.Rank(n.Severity)).ThenBy(n => n.AlertKey, StringComparer.Ordinal)]);
            records.AddRange(await DeliverEachAsync(route.Name, route.Channels, message, log, cancellationToken));
        }

        await RecordAsync(log, cancellationToken);
        return records;
    }

    /// <summary>Delivers <paramref name="message"/> to <paramref name="channelNames"/> (an escalation level's channels, say), logging each delivery.</summary>
    public async Task<IReadOnlyList<DeliveryRecord>> DeliverAsync(string routeName, IReadOnlyList<string> channelNames, NotificationMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channelNames);
        ArgumentNullException.ThrowIfNull(message);
        var log = new List<DeliveryLogEntry>();
        var records = await DeliverEachAsync(routeName, channelNames, message, log, cancellationToken);
        await RecordAsync(log, cancellationToken);
        return records;
    }

    /// <summary>
    /// Delivers <paramref name="message"/> to <paramref name="channel"/>, a channel the spec does not declare (the Teams
    /// URL of Azure Monitor alerts, say), logging and recording the delivery like any other.
    /// </summary>
    public async Task<DeliveryRecord> DeliverToAsync(string routeName, INotificationChannel channel, NotificationMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(message);
        var log = new List<DeliveryLogEntry>();
        var record = await DeliverOneAsync(routeName, channel.Name, channel, message, log, cancellationToken);
        await RecordAsync(log, cancellationToken);
        return record;
    }

    /// <summary>
    /// Records that <paramref name="message"/> could not even be attempted on the channel <paramref name="channelName"/>
    /// (of <paramref name="channelKind"/>) because of <paramref name="error"/>, e.g. its URL is not configured: a failed
    /// delivery with no attempt, in the log and the delivery log.
    /// </summary>
    public async Task<DeliveryRecord> RecordUndeliverableAsync(string routeName, string channelName, string channelKind, NotificationMessage message, string error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var result = new DeliveryResult(false, 0, null, redactor.Redact(error), TimeSpan.Zero);
        DeliveryFailed(logger, routeName, channelName, message.GroupKey, message.Alerts.Length, 0, result.Error);
        await RecordAsync([DeliveryLogEntry.For(time.GetUtcNow(), routeName, channelName, channelKind, message, result)], cancellationToken);
        return new DeliveryRecord(routeName, channelName, message.GroupKey, message.Alerts.Length, result);
    }

    private async Task<List<DeliveryRecord>> DeliverEachAsync(string routeName, IReadOnlyList<string> channelNames, NotificationMessage message, List<DeliveryLogEntry> log, CancellationToken cancellationToken)
    {
        var records = new List<DeliveryRecord>();
        foreach (var channelName in channelNames)
        {
            if (!channels.TryGetValue(channelName, out var channel))
            {
                UnknownChannel(logger, routeName, channelName);
                var unknown = new DeliveryResult(false, 0, null, "no such channel", TimeSpan.Zero);
                records.Add(new DeliveryRecord(routeName, channelName, message.GroupKey, message.Alerts.Length, unknown));
                log.Add(DeliveryLogEntry.For(time.GetUtcNow(), routeName, channelName, null, message, unknown));
                continue;
            }

            records.Add(await DeliverOneAsync(routeName, channelName, channel, message, log, cancellationToken));
        }

        return records;
    }

    private async Task<DeliveryRecord> DeliverOneAsync(string routeName, string channelName, INotificationChannel channel, NotificationMessage message, List<DeliveryLogEntry> log, CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var delivered = await channel.DeliverAsync(message, cancellationToken);

        // Channels redact their errors already; redacting again here keeps the log safe from a channel that forgets.
        var result = delivered with { Error = redactor.Redact(delivered.Error) };
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

        log.Add(DeliveryLogEntry.For(startedAt, routeName, channelName, channel.Kind, message, result));
        return new DeliveryRecord(routeName, channelName, message.GroupKey, message.Alerts.Length, result);
    }

    private async Task RecordAsync(List<DeliveryLogEntry> log, CancellationToken cancellationToken)
    {
        if (log.Count == 0)
        {
            return;
        }

        try
        {
            await results.AppendAsync([.. log.Select(DeliveryRows.ToRow)], cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The messages have gone out; losing their log lines must not fail the alerting cycle that sent them.
            DeliveryLogFailed(logger, log.Count, exception);
        }
    }

    [LoggerMessage(EventId = 520, Level = LogLevel.Information, Message = "Delivered {Alerts} alert(s) of group {GroupKey} via route {Route} to channel {Channel} in {Attempts} attempt(s), {DurationMs} ms")]
    private static partial void Delivered(ILogger logger, string route, string channel, string groupKey, int alerts, int attempts, long durationMs);

    [LoggerMessage(EventId = 521, Level = LogLevel.Error, Message = "Delivery of {Alerts} alert(s) of group {GroupKey} via route {Route} to channel {Channel} failed after {Attempts} attempt(s): {Error}")]
    private static partial void DeliveryFailed(ILogger logger, string route, string channel, string groupKey, int alerts, int attempts, string? error);

    [LoggerMessage(EventId = 524, Level = LogLevel.Information, Message = "Held {Alerts} alert(s) of group {GroupKey} via route {Route} on channel {Channel} for a later digest (error: {Error})")]
    private static partial void Held(ILogger logger, string route, string channel, string groupKey, int alerts, string? error);

    [LoggerMessage(EventId = 522, Level = LogLevel.Error, Message = "Route {Route} names channel {Channel}, which is not configured")]
    private static partial void UnknownChannel(ILogger logger, string route, string channel);

    [LoggerMessage(EventId = 523, Level = LogLevel.Warning, Message = "Could not record {Deliveries} delivery(ies) in the delivery log; the deliveries themselves went ahead")]
    private static partial void DeliveryLogFailed(ILogger logger, int deliveries, Exception exception);
}
