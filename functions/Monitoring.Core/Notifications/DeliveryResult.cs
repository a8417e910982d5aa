namespace Monitoring.Core.Notifications;

/// <summary>How a delivery went, for the delivery log.</summary>
/// <param name="Delivered">True when the destination accepted the message.</param>
/// <param name="Attempts">Requests made.</param>
/// <param name="StatusCode">The last HTTP status, for HTTP channels.</param>
/// <param name="Error">Why it failed (redacted, no URL), when it did.</param>
/// <param name="Duration">From the first attempt to the result, waits included.</param>
/// <param name="Held">
/// True when the channel kept the message to send later (an email channel waiting for its group wait or
/// hourly budget): not delivered yet, not lost either. <paramref name="Error"/> says why, if a send failed.
/// </param>
public sealed record DeliveryResult(bool Delivered, int Attempts, int? StatusCode, string? Error, TimeSpan Duration, bool Held = false);
