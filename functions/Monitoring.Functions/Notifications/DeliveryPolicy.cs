namespace Monitoring.Functions.Notifications;

/// <summary>How hard an HTTP channel tries before it gives up on a message.</summary>
/// <param name="MaxAttempts">Requests at most, the first included.</param>
/// <param name="BaseDelay">The first backoff; it doubles each retry, with jitter.</param>
/// <param name="MaxDelay">No single wait is longer, Retry-After included (a longer Retry-After gives up instead).</param>
/// <param name="RequestTimeout">Each request's own limit.</param>
public sealed record DeliveryPolicy(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay, TimeSpan RequestTimeout)
{
    /// <summary>4 attempts, 1 s doubling to at most 30 s, 10 s per request: under a minute in the worst case.</summary>
    public static DeliveryPolicy Default { get; } = new(4, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10));
}
