using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Monitoring.Core.Notifications;
using Monitoring.Core.Ports;

namespace Monitoring.Azure.Email;

/// <summary>
/// The <see cref="IEmailSender"/> for Azure: sends through <see cref="AcsEmailClient"/> from one sender address and
/// reports how it went as a <see cref="DeliveryResult"/>, never as an exception. Rate limits are the email channel's
/// job (it sends digests within an hourly budget); this sender sends what it is given.
/// </summary>
/// <remarks>
/// Every send carries an <c>Operation-Id</c>, which the service uses to recognise a repeated send. Without a key
/// from the caller a new one is made per call, so the client's own retries never send twice but a second call
/// does. A caller that passes the same key again (see
/// <see cref="IEmailSender.SendAsync(IReadOnlyList{string}, EmailContent, string, CancellationToken)"/>), e.g. a
/// digest resent after a crash, gets the same <c>Operation-Id</c> and the email goes once.
/// </remarks>
public sealed class AcsEmailSender : IEmailSender
{
    /// <summary>The most recipients ACS Email takes in one message.</summary>
    public const int MaxRecipients = 50;

    private readonly AcsEmailClient _client;
    private readonly string _senderAddress;
    private readonly TimeProvider _time;

    /// <summary>A sender of emails from <paramref name="senderAddress"/> (an address of a domain linked to the ACS resource).</summary>
    public AcsEmailSender(AcsEmailClient client, string senderAddress, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(senderAddress);
        _client = client;
        _senderAddress = senderAddress;
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc/>
    public Task<DeliveryResult> SendAsync(IReadOnlyList<string> recipients, EmailContent content, CancellationToken cancellationToken) =>
        SendAsync(recipients, content, Guid.NewGuid().ToString("D"), cancellationToken);

    /// <inheritdoc/>
    /// <remarks>
    /// A key that is a GUID is the <c>Operation-Id</c> itself; any other key is hashed (SHA-256) to a GUID, the same
    /// one every time. The result is delivered when the operation succeeded, and also when it was accepted but
    /// still running at the poll timeout: the service delivers it on its own, and sending again would duplicate it.
    /// </remarks>
    public async Task<DeliveryResult> SendAsync(IReadOnlyList<string> recipients, EmailContent content, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        var started = _time.GetTimestamp();
        if (Refusal(recipients) is { } refusal)
        {
            return new DeliveryResult(false, 0, null, refusal, _time.GetElapsedTime(started));
        }

        var message = new AcsEmailMessage(_senderAddress, [.. recipients.Select(r => new AcsEmailAddress(r.Trim()))], content.Subject, content.PlainText, content.Html);
        try
        {
            var operation = await _client.SendAsync(message, OperationId(idempotencyKey), cancellationToken).ConfigureAwait(false);
            var elapsed = _time.GetElapsedTime(started);
            return operation.Status switch
            {
                AcsEmailStatus.Failed or AcsEmailStatus.Canceled => new DeliveryResult(
                    false, operation.SendAttempts, operation.LastHttpStatus, OperationError(operation), elapsed),
                _ => new DeliveryResult(true, operation.SendAttempts, operation.LastHttpStatus, null, elapsed),
            };
        }
        catch (RequestFailedException exception)
        {
            var attempts = exception.Data[AcsEmailClient.SendAttemptsDataKey] is int count ? count : 1;
            return new DeliveryResult(false, attempts, exception.Status == 0 ? null : exception.Status, exception.Message, _time.GetElapsedTime(started));
        }
    }

    /// <summary>The key as an Operation-Id: itself when it is a GUID, else a GUID made from its hash.</summary>
    internal static string OperationId(string idempotencyKey)
    {
        if (Guid.TryParse(idempotencyKey, out var id))
        {
            return id.ToString("D");
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey), hash);
        var bytes = hash[..16];

        // RFC 9562 version 8 (custom) and variant bits, so the id is a well-formed UUID.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D");
    }

    private static string? Refusal(IReadOnlyList<string> recipients)
    {
        if (recipients.Count == 0)
        {
            return "The email was not sent: it has no recipients.";
        }

        if (recipients.Count > MaxRecipients)
        {
            return string.Create(CultureInfo.InvariantCulture, $"The email was not sent: ACS Email takes at most {MaxRecipients} recipients per message, and it has {recipients.Count}.");
        }

        return recipients.Any(string.IsNullOrWhiteSpace) ? "The email was not sent: a recipient address is blank." : null;
    }

    private static string OperationError(AcsEmailOperation operation) => string.Create(
        CultureInfo.InvariantCulture,
        $"The ACS Email operation {operation.Id} ended {operation.Status}: {operation.ErrorCode ?? "no error code"}{(operation.ErrorMessage is null ? string.Empty : " — " + operation.ErrorMessage)}");
}
