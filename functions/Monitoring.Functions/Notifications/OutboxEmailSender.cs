using System.Text.Json.Nodes;
using Monitoring.Core.Notifications;
using Monitoring.Core.Ports;

namespace Monitoring.Functions.Notifications;

/// <summary>The local email sender: writes the email to the outbox instead of sending it.</summary>
public sealed class OutboxEmailSender(OutboxFile outbox, TimeProvider time) : IEmailSender
{
    /// <inheritdoc/>
    public async Task<DeliveryResult> SendAsync(IReadOnlyList<string> recipients, EmailContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(content);
        var started = time.GetTimestamp();
        var to = new JsonArray();
        foreach (var recipient in recipients)
        {
            to.Add(recipient);
        }

        await outbox.AppendAsync(new JsonObject
        {
            ["deliveredAt"] = NotificationText.Iso(time.GetUtcNow()),
            ["kind"] = "email",
            ["to"] = to,
            ["subject"] = content.Subject,
            ["plainText"] = content.PlainText,
        }, cancellationToken);
        return new DeliveryResult(true, 1, null, null, time.GetElapsedTime(started));
    }
}
