using Monitoring.Core.Notifications;

namespace Monitoring.Core.Ports;

/// <summary>Sends one email. Azure Communication Services in Azure; the local outbox otherwise.</summary>
public interface IEmailSender
{
    /// <summary>Sends <paramref name="content"/> to <paramref name="recipients"/>; never throws for delivery failures.</summary>
    Task<DeliveryResult> SendAsync(IReadOnlyList<string> recipients, EmailContent content, CancellationToken cancellationToken);

    /// <summary>
    /// Sends like <see cref="SendAsync(IReadOnlyList{string}, EmailContent, CancellationToken)"/>, naming the send
    /// <paramref name="idempotencyKey"/>. A sender that can deduplicate (ACS Email, by its <c>Operation-Id</c>)
    /// sends at most once per key, so a caller that retries a send it is unsure about (a lost answer, a crash
    /// between sending and recording it) passes the same key and the email does not go twice. Senders that cannot
    /// deduplicate ignore the key; that is the default.
    /// </summary>
    Task<DeliveryResult> SendAsync(IReadOnlyList<string> recipients, EmailContent content, string idempotencyKey, CancellationToken cancellationToken) =>
        SendAsync(recipients, content, cancellationToken);
}
