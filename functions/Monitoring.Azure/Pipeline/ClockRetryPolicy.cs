using System.Globalization;
using System.Runtime.ExceptionServices;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Monitoring.Azure.Pipeline;

/// <summary>
/// The retry policy of the hand-written clients (Logs Ingestion, ACS Email). 429 and 503 wait exactly as long as
/// Retry-After says (seconds or an HTTP date); 408, 500, 502, 504 and network failures, and 429 or 503 without
/// Retry-After, back off exponentially with jitter. Attempts are bounded by <see cref="RetryOptions.MaxRetries"/>
/// and the waits by <see cref="IClockRetryOptions.RetryBudget"/>. Azure.Core's own RetryPolicy sleeps on the real
/// clock, which tests cannot skip; this one waits on <see cref="IClockRetryOptions.TimeProvider"/>.
/// </summary>
internal sealed class ClockRetryPolicy(IClockRetryOptions options) : HttpPipelinePolicy
{
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        throw new NotSupportedException("The hand-written Azure clients only send asynchronously.");

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        var time = options.TimeProvider;
        var waited = TimeSpan.Zero;
        for (var retry = 0; ; retry++)
        {
            TimeSpan? wait;
            Exception? failure = null;
            try
            {
                await ProcessNextAsync(message, pipeline);
                wait = RetryDelay(message.Response, retry + 1, time);
            }
            catch (Exception exception) when (IsTransient(exception, message.CancellationToken))
            {
                failure = exception;
                wait = Backoff(retry + 1);
            }

            if (wait is null || retry >= options.Retry.MaxRetries || waited + wait.Value > options.RetryBudget)
            {
                if (failure is not null)
                {
                    ExceptionDispatchInfo.Throw(failure);
                }

                return;
            }

            if (message.HasResponse)
            {
                message.Response.ContentStream?.Dispose();
            }

            await Task.Delay(wait.Value, time, message.CancellationToken);
            waited += wait.Value;
        }
    }

    private static bool IsTransient(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        RequestFailedException { Status: 0 } => true,
        IOException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    private TimeSpan? RetryDelay(Response response, int retryNumber, TimeProvider time)
    {
        if (response.Status is 429 or 503 && RetryAfter(response, time) is { } retryAfter)
        {
            return retryAfter;
        }

        return response.Status is 408 or 429 or 500 or 502 or 503 or 504 ? Backoff(retryNumber) : null;
    }

    private static TimeSpan? RetryAfter(Response response, TimeProvider time)
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
            var until = date - time.GetUtcNow();
            return until < TimeSpan.Zero ? TimeSpan.Zero : until;
        }

        return null;
    }

    private TimeSpan Backoff(int retryNumber)
    {
        var exponential = options.Retry.Delay.TotalMilliseconds * Math.Pow(2, Math.Min(retryNumber - 1, 30));

        // Jitter of ±20% keeps instances that failed together from retrying together.
#pragma warning disable CA5394 // Jitter needs no cryptographic randomness.
        var jittered = exponential * (0.8 + (Random.Shared.NextDouble() * 0.4));
#pragma warning restore CA5394
        return TimeSpan.FromMilliseconds(Math.Min(jittered, options.Retry.MaxDelay.TotalMilliseconds));
    }
}
