using System.Text.Json.Nodes;
using Monitoring.Core.Notifications;
using Monitoring.Core.Ports;

namespace Monitoring.Functions.Notifications;

/// <summary>
/// The local destination: appends each message as one JSON line to a file, which the status page
/// and tests read. Locally every route can end here, so the whole loop works with no Azure at all.
/// </summary>
public sealed class OutboxChannel(string name, OutboxFile outbox, TimeProvider time) : INotificationChannel
{
    /// <inheritdoc/>
    public string Name => name;

    /// <inheritdoc/>
    public string Kind => "outbox";

    /// <inheritdoc/>
    public async Task<DeliveryResult> DeliverAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var started = time.GetTimestamp();
        var entry = new JsonObject
        {
            ["deliveredAt"] = NotificationText.Iso(time.GetUtcNow()),
            ["channel"] = name,
            ["kind"] = "notification",
            ["payload"] = WebhookPayloadBuilder.Build(message),
        };
        await outbox.AppendAsync(entry, cancellationToken);
        return new DeliveryResult(true, 1, null, null, time.GetElapsedTime(started));
    }
}
