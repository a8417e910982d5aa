using Monitoring.Core.Notifications;

namespace Monitoring.Core.Ports;

/// <summary>Sends one email. Azure Communication Services in Azure; the local outbox otherwise.</summary>
public interface IEmailSender
{
    /// <summary>Sends <paramref name="content"/> to <paramref name="recipients"/>; never throws for delivery failures.</summary>
    Task<DeliveryResult> SendAsync(IReadOnlyList<string> recipients, EmailContent content, CancellationToken cancellationToken);
}
