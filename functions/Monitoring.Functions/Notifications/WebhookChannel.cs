using Monitoring.Core.Notifications;
using Monitoring.Core.Ports;

namespace Monitoring.Functions.Notifications;

/// <summary>Posts the generic (Alertmanager-shaped) JSON payload to any HTTP endpoint, with optional headers.</summary>
public sealed class WebhookChannel(string name, Uri url, IReadOnlyList<KeyValuePair<string, string>> headers, HttpJsonDelivery delivery) : INotificationChannel
{
    /// <inheritdoc/>
    public string Name => name;

    /// <inheritdoc/>
    public string Kind => "webhook";

    /// <inheritdoc/>
    public Task<DeliveryResult> DeliverAsync(NotificationMessage message, CancellationToken cancellationToken) =>
        delivery.PostAsync(url, WebhookPayloadBuilder.Build(message), headers, cancellationToken);
}
