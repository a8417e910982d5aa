using Monitoring.Core.Notifications;
using Monitoring.Core.Ports;

namespace Monitoring.Functions.Notifications;

/// <summary>Sends one digest email per message to a recipient list, through whichever <see cref="IEmailSender"/> is configured.</summary>
public sealed class EmailChannel(string name, IReadOnlyList<string> recipients, IEmailSender sender) : INotificationChannel
{
    /// <inheritdoc/>
    public string Name => name;

    /// <inheritdoc/>
    public string Kind => "email";

    /// <inheritdoc/>
    public Task<DeliveryResult> DeliverAsync(NotificationMessage message, CancellationToken cancellationToken) =>
        sender.SendAsync(recipients, EmailContentBuilder.Build(message), cancellationToken);
}
