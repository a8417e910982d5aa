using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Monitoring.Azure.Email;

/// <summary>
/// A small client for Azure Communication Services Email (REST 2023-03-31), in the Azure SDK's shape: it sends one
/// email (<c>POST /emails:send</c>) under an <c>Operation-Id</c> the caller chooses, then polls the operation
/// (<c>GET /emails/operations/{id}</c>) until it ends or <see cref="AcsEmailClientOptions.PollTimeout"/> runs out.
/// The service treats a repeated <c>Operation-Id</c> as the same send, so retries (429 after Retry-After, 5xx and
/// network failures after a jittered backoff) never send an email twice. A request that fails for good throws
/// <see cref="RequestFailedException"/> with the service's error code.
/// </summary>
public class AcsEmailClient
{
    /// <summary>
    /// The key under which a <see cref="RequestFailedException"/> from <see cref="SendAsync"/> carries, in its
    /// <see cref="Exception.Data"/>, how many times the send request went out (an <see cref="int"/>).
    /// </summary>
    public const string SendAttemptsDataKey = "AcsEmail.SendAttempts";

    private const string ApiVersion = "2023-03-31";
    private const string AttemptsProperty = "Monitoring.Azure.Email.Attempts";

    private readonly Uri _endpoint;
    private readonly HttpPipeline _pipeline;
    private readonly AcsEmailClientOptions _options;

    /// <summary>A client for the ACS resource at <paramref name="endpoint"/> (e.g. <c>https://name.communication.azure.com</c>), authenticated by <paramref name="credential"/>.</summary>
    public AcsEmailClient(Uri endpoint, TokenCredential credential, AcsEmailClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        _endpoint = endpoint;
        _options = options ?? new AcsEmailClientOptions();
        _pipeline = HttpPipelineBuilder.Build(_options, new BearerTokenAuthenticationPolicy(credential, _options.Audience), new AttemptCountingPolicy());
    }

    /// <summary>For mocking.</summary>
    protected AcsEmailClient()
    {
        _endpoint = null!;
        _pipeline = null!;
        _options = null!;
    }

    /// <summary>
    /// Sends <paramref name="message"/> as operation <paramref name="operationId"/> and polls it to the end, or until
    /// the poll timeout (then the result is still <see cref="AcsEmailStatus.NotStarted"/> or
    /// <see cref="AcsEmailStatus.Running"/>: accepted, being delivered).
    /// </summary>
    /// <param name="message">The email.</param>
    /// <param name="operationId">
    /// A GUID that names this send. Sending again with the same id does not send the email again, so a caller that
    /// retries a send it is unsure about (a crash, a lost answer) should pass the same id.
    /// </param>
    /// <param name="cancellationToken">Cancels the send or the polling.</param>
    /// <returns>The operation as last reported. A failed or canceled operation is a result, not an exception.</returns>
    /// <exception cref="RequestFailedException">The send or a poll was refused, or failed after its retries.</exception>
    public virtual async Task<AcsEmailOperation> SendAsync(AcsEmailMessage message, string operationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.SenderAddress);
        ArgumentNullException.ThrowIfNull(message.To);
        if (message.To.Count == 0)
        {
            throw new ArgumentException("An email needs at least one recipient. The message has none.", nameof(message));
        }

        if (!Guid.TryParse(operationId, out var id))
        {
            throw new ArgumentException($"The operation id must be a GUID. It was '{operationId}'.", nameof(operationId));
        }

        var operation = id.ToString("D");
        var (status, retryAfter, sendAttempts) = await StartAsync(message, operation, cancellationToken).ConfigureAwait(false);
        try
        {
            return await PollToEndAsync(operation, status, retryAfter, sendAttempts, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception)
        {
            exception.Data[SendAttemptsDataKey] = sendAttempts;
            throw;
        }
    }

    private async Task<AcsEmailOperation> PollToEndAsync(string operation, int status, TimeSpan? retryAfter, int sendAttempts, CancellationToken cancellationToken)
    {
        var time = _options.TimeProvider;
        var current = new AcsEmailOperation(operation, AcsEmailStatus.NotStarted, null, null, sendAttempts, status);
        var accepted = time.GetTimestamp();
        while (!current.IsTerminal)
        {
            var wait = retryAfter ?? _options.PollInterval;
            if (time.GetElapsedTime(accepted) + wait > _options.PollTimeout)
            {
                return current;
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            (current, retryAfter) = await PollAsync(operation, sendAttempts, cancellationToken).ConfigureAwait(false);
        }

        return current;
    }

    private async Task<(int Status, TimeSpan? RetryAfter, int Attempts)> StartAsync(AcsEmailMessage email, string operationId, CancellationToken cancellationToken)
    {
        using var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Post;
        request.Uri.Reset(RequestUri("emails:send"));
        request.Headers.Add(HttpHeader.Names.ContentType, "application/json");
        request.Headers.Add("Operation-Id", operationId);
        request.Content = RequestContent.Create(Body(email));

        try
        {
            await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception)
        {
            // A network failure that outlasted the retries: the email may or may not have been accepted.
            exception.Data[SendAttemptsDataKey] = Attempts(message);
            throw;
        }

        var response = message.Response;
        if (response.Status != 202)
        {
            var failure = Failure("send", response);
            failure.Data[SendAttemptsDataKey] = Attempts(message);
            throw failure;
        }

        return (response.Status, RetryAfter(response), Attempts(message));
    }

    private async Task<(AcsEmailOperation Operation, TimeSpan? RetryAfter)> PollAsync(string operationId, int sendAttempts, CancellationToken cancellationToken)
    {
        using var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Get;
        request.Uri.Reset(RequestUri("emails/operations/" + Uri.EscapeDataString(operationId)));

        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.Status != 200)
        {
            throw Failure("status poll", response);
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(response.ContentStream ?? Stream.Null, cancellationToken: cancellationToken).ConfigureAwait(false);
            var root = document.RootElement;
            var statusText = root.GetProperty("status").GetString();
            if (!Enum.TryParse<AcsEmailStatus>(statusText, ignoreCase: true, out var status) || !Enum.IsDefined(status))
            {
                throw new RequestFailedException(response.Status, $"The ACS Email status poll answered a status this client does not know: '{statusText}'.");
            }

            string? code = null;
            string? detail = null;
            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                (code, detail) = Describe(error);
            }

            return (new AcsEmailOperation(operationId, status, code, detail, sendAttempts, response.Status), RetryAfter(response));
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new RequestFailedException(response.Status, "The ACS Email status poll answered a body this client could not read.", exception);
        }
    }

    /// <summary>The send's JSON: sender, recipients and content, as the 2023-03-31 API takes them.</summary>
    private static byte[] Body(AcsEmailMessage email)
    {
        var to = new JsonArray();
        foreach (var recipient in email.To)
        {
            ArgumentNullException.ThrowIfNull(recipient);
            ArgumentException.ThrowIfNullOrWhiteSpace(recipient.Address);
            var address = new JsonObject { ["address"] = recipient.Address };
            if (!string.IsNullOrEmpty(recipient.DisplayName))
            {
                address["displayName"] = recipient.DisplayName;
            }

            to.Add(address);
        }

        var content = new JsonObject { ["subject"] = email.Subject, ["plainText"] = email.PlainText };
        if (!string.IsNullOrEmpty(email.Html))
        {
            content["html"] = email.Html;
        }

        var body = new JsonObject
        {
            ["senderAddress"] = email.SenderAddress,
            ["recipients"] = new JsonObject { ["to"] = to },
            ["content"] = content,
        };
        return JsonSerializer.SerializeToUtf8Bytes(body);
    }

    private Uri RequestUri(string path) => new($"{_endpoint.AbsoluteUri.TrimEnd('/')}/{path}?api-version={ApiVersion}");

    /// <summary>The wait the service asks for before the next poll, in seconds or as an HTTP date; null when it asks none.</summary>
    private TimeSpan? RetryAfter(Response response)
    {
        if (!response.Headers.TryGetValue("Retry-After", out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (DateTimeOffset.TryParseExact(value.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var until = date - _options.TimeProvider.GetUtcNow();
            return until < TimeSpan.Zero ? TimeSpan.Zero : until;
        }

        return null;
    }

    private static int Attempts(HttpMessage message) =>
        message.TryGetProperty(AttemptsProperty, out var value) && value is StrongBox<int> count ? count.Value : 1;

    /// <summary>An error naming the request, the status and the service's code; never the token or the request's headers.</summary>
    private static RequestFailedException Failure(string what, Response response)
    {
        string? code = null;
        string? detail = null;
        if (response.ContentStream is { } stream)
        {
            try
            {
                stream.Position = 0;
                using var document = JsonDocument.Parse(stream);
                if (document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
                {
                    (code, detail) = Describe(error);
                }
            }
            catch (Exception exception) when (exception is JsonException or NotSupportedException)
            {
                // Not JSON, or a stream that cannot rewind: the status alone explains it.
            }
        }

        code ??= response.Headers.TryGetValue("x-ms-error-code", out var header) ? header : null;
        var message = string.Create(CultureInfo.InvariantCulture, $"The ACS Email {what} failed with {response.Status} {response.ReasonPhrase}: {code ?? "no error code"}{(detail is null ? string.Empty : " — " + detail)}");
        return new RequestFailedException(response.Status, message, code, null);
    }

    private static (string? Code, string? Message) Describe(JsonElement error) => (
        error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString() : null,
        error.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String ? message.GetString() : null);

    /// <summary>Counts the attempts of one request: the retry policy runs it once per attempt.</summary>
    private sealed class AttemptCountingPolicy : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            if (message.TryGetProperty(AttemptsProperty, out var value) && value is StrongBox<int> count)
            {
                count.Value++;
            }
            else
            {
                message.SetProperty(AttemptsProperty, new StrongBox<int>(1));
            }
        }
    }
}
