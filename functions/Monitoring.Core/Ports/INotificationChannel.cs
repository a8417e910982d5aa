using Monitoring.Core.Notifications;

namespace Monitoring.Core.Ports;

/// <summary>A configured destination for notifications: a Teams channel, an email list, a webhook, the local outbox.</summary>
public interface INotificationChannel
{
    /// <summary>The channel's name in the spec, used in routes and the delivery log.</summary>
    string Name { get; }

    /// <summary>teams, email, webhook or outbox.</summary>
    string Kind { get; }

    /// <summary>Delivers one message, retrying transient failures. Never throws for delivery failures: the result says.</summary>
    Task<DeliveryResult> DeliverAsync(NotificationMessage message, CancellationToken cancellationToken);
}
