using System.Globalization;
using System.Net.Sockets;
using Azure;
using Monitoring.Core.DataChecks;

namespace Monitoring.Azure.DataSources;

/// <summary>
/// What the Azure data sources share: the read's time limit, and turning the SDKs' failures into
/// <see cref="DataSourceException"/>s whose messages name the resource, the status and the service's error code, and
/// never a connection string, key, SAS or token (the SDKs' own messages are not repeated, since they quote requests).
/// </summary>
internal static class SourceReads
{
    /// <summary>
    /// Runs <paramref name="read"/> within <paramref name="timeout"/>: past it the read is cancelled and fails as
    /// <see cref="DataSourceErrorKind.Timeout"/>; other failures become what <paramref name="classify"/> makes of them.
    /// The caller's own cancellation stays an <see cref="OperationCanceledException"/>.
    /// </summary>
    public static async Task<T> WithinAsync<T>(
        TimeSpan timeout,
        string what,
        Func<Exception, DataSourceException?> classify,
        Func<CancellationToken, Task<T>> read,
        CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan ? TimeSpan.Zero : timeout);
        try
        {
            return await read(timer.Token).ConfigureAwait(false);
        }
        catch (DataSourceException)
        {
            throw;
        }
        catch (Exception e) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // The SDKs surface a cancelled request as a cancellation, or wrapped in their own exceptions.
            throw new DataSourceException(DataSourceErrorKind.Timeout, $"{what} did not answer within {Seconds(timeout)}.", e);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && classify(e) is { } error)
        {
            throw error;
        }
    }

    /// <summary>A storage service's failure (Blob or Table) reading <paramref name="what"/>; null when it is none this knows.</summary>
    public static DataSourceException? Storage(Exception exception, string what) => Innermost(exception) switch
    {
        RequestFailedException { Status: 404 } e => new(DataSourceErrorKind.NotFound, $"{what} does not exist ({Code(e)}).", e),
        RequestFailedException { Status: 401 or 403 } e => new(DataSourceErrorKind.Authentication, $"{what} refused the credentials ({e.Status} {Code(e)}).", e),
        RequestFailedException e when Unreachable(e.Status) => new(DataSourceErrorKind.Connection, $"{what} could not be reached: {Reason(e)}.", e),
        RequestFailedException e => new(DataSourceErrorKind.Query, $"{what} rejected the request ({e.Status} {Code(e)}).", e),
        HttpRequestException or IOException or SocketException => new(DataSourceErrorKind.Connection, $"{what} could not be reached: {Reason(exception)}.", exception),
        var e when IsCredentialFailure(e) => new(DataSourceErrorKind.Authentication, $"{what}: no token could be had for the identity ({e.GetType().Name}).", e),
        _ => null,
    };

    /// <summary>A Log Analytics query's failure (from <c>LogsQueryClient</c> through the KQL port); null when it is none this knows.</summary>
    public static DataSourceException? LogAnalytics(Exception exception, string what) => Innermost(exception) switch
    {
        RequestFailedException e when Unreachable(e.Status) => new(DataSourceErrorKind.Connection, $"{what}: Log Analytics could not be reached or is throttling: {Reason(e)}.", e),
        RequestFailedException { Status: 401 or 403 } e => new(DataSourceErrorKind.Authentication, $"{what}: Log Analytics refused the credentials. {e.Message}", e),
        RequestFailedException { Status: 404 } e => new(DataSourceErrorKind.NotFound, $"{what}: the workspace was not found. {e.Message}", e),
        RequestFailedException e => new(DataSourceErrorKind.Query, $"{what} failed. {e.Message}", e),
        InvalidDataException e => new(DataSourceErrorKind.Response, $"{what} answered a value of the wrong type. {e.Message}", e),
        HttpRequestException or IOException or SocketException => new(DataSourceErrorKind.Connection, $"{what}: Log Analytics could not be reached: {Reason(exception)}.", exception),
        var e when IsCredentialFailure(e) => new(DataSourceErrorKind.Authentication, $"{what}: no token could be had for the identity ({e.GetType().Name}).", e),
        _ => null,
    };

    /// <summary>Seconds as messages write them: "30 s", "2.5 s".</summary>
    public static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.###} s");

    // Refused, reset or unresolvable (0), timed out at the server (408), throttled (429) or failing (5xx): none is the
    // request's fault, and a retry later may well succeed.
    private static bool Unreachable(int status) => status is 0 or 408 or 429 or >= 500;

    // The SDKs' retries end in an AggregateException of every attempt's failure; the last one says most.
    private static Exception Innermost(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: > 0 } aggregate ? Innermost(aggregate.InnerExceptions[^1]) : exception;

    private static string Code(RequestFailedException e) => e.ErrorCode is { Length: > 0 } code ? code : "no error code";

    // For connection failures the transport's own words ("Connection refused (host:port)") help and hold no secret.
    private static string Reason(Exception e) => e switch
    {
        RequestFailedException { Status: 0, InnerException: { } inner } => inner.Message,
        RequestFailedException r => string.Create(CultureInfo.InvariantCulture, $"{r.Status} {Code(r)}"),
        _ => e.Message,
    };

    // Azure.Identity's AuthenticationFailedException and CredentialUnavailableException, thrown by whichever
    // credential the host registered; this assembly does not reference Azure.Identity, so they are known by name.
    private static bool IsCredentialFailure(Exception e) =>
        e.GetType().Name is "AuthenticationFailedException" or "CredentialUnavailableException";
}
