using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Monitoring.Core.Notifications;
using Monitoring.Core.Secrets;

namespace Monitoring.Functions.Notifications;

/// <summary>
/// POSTs JSON to a notification endpoint with retries: 429 and 503 wait as long as Retry-After
/// says, other 5xx, 408 and network failures back off exponentially with jitter, and 4xx
/// client errors are final. Endpoint URLs carry secrets (Teams' <c>sig=</c>), so no error
/// message ever includes the URL.
/// </summary>
public sealed class HttpJsonDelivery(HttpClient client, DeliveryPolicy policy, TimeProvider time, SecretRedactor redactor)
{
    /// <summary>Posts <paramref name="payload"/> to <paramref name="endpoint"/>.</summary>
    public async Task<DeliveryResult> PostAsync(Uri endpoint, JsonNode payload, IReadOnlyList<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(headers);
        var started = time.GetTimestamp();
        var body = Encoding.UTF8.GetBytes(NotificationJson.Serialize(payload));
        int? status = null;
        string? error = null;
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan? wait;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                foreach (var (name, value) in headers)
                {
                    request.Headers.TryAddWithoutValidation(name, value);
                }

                using var timeout = new CancellationTokenSource(policy.RequestTimeout, time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
                status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    return new DeliveryResult(true, attempt, status, null, time.GetElapsedTime(started));
                }

                error = string.Create(CultureInfo.InvariantCulture, $"the endpoint answered {status} {response.ReasonPhrase}");
                wait = RetryDelay(response, attempt);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or IOException)
            {
                status = null;
                error = exception is OperationCanceledException
                    ? string.Create(CultureInfo.InvariantCulture, $"no answer within {policy.RequestTimeout.TotalSeconds:0} s")
                    : "the endpoint could not be reached: " + ((exception as HttpRequestException)?.HttpRequestError.ToString() ?? exception.GetType().Name);
                wait = Backoff(attempt);
            }

            if (wait is null || attempt >= policy.MaxAttempts)
            {
                return new DeliveryResult(false, attempt, status, redactor.Redact(error), time.GetElapsedTime(started));
            }

            await Task.Delay(wait.Value, time, cancellationToken);
        }
    }

    /// <summary>How long to wait before retrying after <paramref name="response"/>, or null when retrying is pointless.</summary>
    private TimeSpan? RetryDelay(HttpResponseMessage response, int attempt)
    {
        var status = (int)response.StatusCode;
        if (status is 429 or 503 && RetryAfter(response) is { } retryAfter)
        {
            // Waiting longer than the policy allows would hold the whole notification cycle; give up and let the next cycle retry.
            return retryAfter <= policy.MaxDelay ? retryAfter : null;
        }

        return status is 408 or 429 or >= 500 ? Backoff(attempt) : null;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var until = date - time.GetUtcNow();
            return until < TimeSpan.Zero ? TimeSpan.Zero : until;
        }

        return null;
    }

    private TimeSpan Backoff(int attempt)
    {
        var exponential = policy.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        var jittered = exponential * (0.5 + (Random.Shared.NextDouble() / 2));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, policy.MaxDelay.TotalMilliseconds));
    }
}
