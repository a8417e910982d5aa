using Monitoring.Core.Notifications;
using Monitoring.Core.Ports;

namespace Monitoring.Functions.Notifications;

/// <summary>Posts an Adaptive Card to a Teams Workflows webhook URL (a secret: it carries the <c>sig=</c> token).</summary>
public sealed class TeamsChannel(string name, Uri workflowUrl, HttpJsonDelivery delivery) : INotificationChannel
{
    /// <inheritdoc/>
    public string Name => name;

    /// <inheritdoc/>
    public string Kind => "teams";

    /// <inheritdoc/>
    public Task<DeliveryResult> DeliverAsync(NotificationMessage message, CancellationToken cancellationToken) =>
        delivery.PostAsync(workflowUrl, TeamsCardBuilder.Build(message), [], cancellationToken);
}
