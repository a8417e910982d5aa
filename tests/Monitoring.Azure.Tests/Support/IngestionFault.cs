namespace Monitoring.Azure.Tests.Support;

/// <summary>An error answer the ingestion fake gives instead of accepting a call.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Code">The error code, in the body and in <c>x-ms-error-code</c>.</param>
/// <param name="Message">The error message.</param>
/// <param name="RetryAfter">The <c>Retry-After</c> header (seconds or an HTTP date), if any.</param>
public sealed record IngestionFault(int Status, string Code, string Message, string? RetryAfter = null)
{
    /// <summary>429, as the service throttles.</summary>
    public static IngestionFault Throttled(string retryAfter) => new(429, "TooManyRequests", "Too many requests.", retryAfter);

    /// <summary>503, with or without Retry-After.</summary>
    public static IngestionFault Unavailable(string? retryAfter = null) => new(503, "ServiceUnavailable", "The service is unavailable.", retryAfter);

    /// <summary>A 5xx or 408 without Retry-After.</summary>
    public static IngestionFault ServerError(int status = 500) => new(status, "InternalServerError", "An internal error occurred.");
}
