using Monitoring.Core.Notifications;
using Monitoring.Core.Notifications.Digests;
using Monitoring.Core.Ports;

namespace Monitoring.Functions.Notifications;

/// <summary>
/// Sends digest emails to a recipient list, through whichever <see cref="IEmailSender"/> is configured,
/// within the channel's hourly budget. Every message is held in the state store first; a digest of
/// everything held goes when the policy says it is due, either at once or on a later tick
/// (<see cref="FlushAsync"/>). So nothing is lost on a restart and instances share one budget.
/// </summary>
public sealed partial class EmailChannel(
    string name,
    IReadOnlyList<string> recipients,
    IEmailSender sender,
    EmailDigestStore digests,
    TimeProvider time,
    ILogger<EmailChannel> logger) : INotificationChannel
{
    /// <inheritdoc/>
    public string Name => name;

    /// <inheritdoc/>
    public string Kind => "email";

    /// <summary>The channel's held messages and ledger.</summary>
    public EmailDigestStore Digests => digests;

    /// <summary>
    /// Holds <paramref name="message"/> and sends the digest if one is due now. The result is the send's
    /// when the message went in it; otherwise <see cref="DeliveryResult.Held"/>: it goes in a later digest.
    /// </summary>
    public async Task<DeliveryResult> DeliverAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var started = time.GetTimestamp();
        var held = await digests.HoldAsync(message, time.GetUtcNow(), cancellationToken);
        var sent = await FlushAsync(cancellationToken);
        if (sent is { } digest && digest.Digest.Carries(held.Id))
        {
            return digest.Result.Delivered ? digest.Result : digest.Result with { Held = true };
        }

        return new DeliveryResult(false, 0, null, null, time.GetElapsedTime(started), Held: true);
    }

    /// <summary>Sends the digest due now, if any (the 10-second tick calls this); returns it with its result, or null.</summary>
    public async Task<(EmailDigest Digest, DeliveryResult Result)?> FlushAsync(CancellationToken cancellationToken)
    {
        if (await digests.ClaimDueAsync(time.GetUtcNow(), cancellationToken) is not { } digest)
        {
            return null;
        }

        var message = digest.ToMessage(name);
        // The held messages' ids name the send: a digest sent again after a crash (its lease lapsed) carries the same
        // messages, so a deduplicating sender (ACS, by Operation-Id) does not deliver it twice.
        var key = name + ":" + string.Join(",", digest.Messages.Select(m => m.Id));
        var result = await sender.SendAsync(recipients, EmailContentBuilder.Build(message), key, cancellationToken);
        if (result.Delivered)
        {
            await digests.CompleteAsync(digest, cancellationToken);
            DigestSent(logger, name, digest.Messages.Length, message.Alerts.Length);
        }
        else
        {
            // Back in front of the queue: the next digest carries them, within the budget.
            await digests.ReturnAsync(digest, cancellationToken);
            DigestFailed(logger, name, message.Alerts.Length, result.Error);
        }

        return (digest, result);
    }

    [LoggerMessage(EventId = 530, Level = LogLevel.Information, Message = "Email channel {Channel} sent a digest of {Messages} message(s), {Alerts} alert(s)")]
    private static partial void DigestSent(ILogger logger, string channel, int messages, int alerts);

    [LoggerMessage(EventId = 531, Level = LogLevel.Warning, Message = "Email channel {Channel} failed to send a digest of {Alerts} alert(s), held for the next: {Error}")]
    private static partial void DigestFailed(ILogger logger, string channel, int alerts, string? error);
}
