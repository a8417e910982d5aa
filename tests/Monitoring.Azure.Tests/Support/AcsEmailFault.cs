namespace Monitoring.Azure.Tests.Support;

/// <summary>An answer the ACS Email fake gives instead of the normal one.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Code">The error code, in the body and in <c>x-ms-error-code</c>.</param>
/// <param name="Message">The error message.</param>
/// <param name="RetryAfter">The <c>Retry-After</c> header (seconds or an HTTP date), if any.</param>
/// <param name="LoseAnswer">True to handle the request normally (a send is recorded) and then drop the connection, as a lost answer.</param>
public sealed record AcsEmailFault(int Status, string Code, string Message, string? RetryAfter = null, bool LoseAnswer = false)
{
    /// <summary>429, as the service throttles beyond its send rate.</summary>
    public static AcsEmailFault Throttled(string retryAfter) => new(429, "TooManyRequests", "Too many requests.", retryAfter);

    /// <summary>A 5xx without Retry-After.</summary>
    public static AcsEmailFault ServerError(int status = 500) => new(status, "InternalServerError", "An internal error occurred.");

    /// <summary>The request is handled, but its answer never arrives.</summary>
    public static AcsEmailFault LostAnswer() => new(0, string.Empty, string.Empty, LoseAnswer: true);
}
