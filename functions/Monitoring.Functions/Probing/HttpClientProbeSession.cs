using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Monitoring.Core.Checks;
using Monitoring.Core.Ports;

namespace Monitoring.Functions.Probing;

/// <summary>
/// One journey attempt's HTTP client: its own connections, cookies and certificate record. Redirects are
/// followed here rather than by the handler, so each step can choose, and so they count against the step's timeout.
/// </summary>
internal sealed class HttpClientProbeSession : IHttpProbeSession
{
    /// <summary>Redirects followed per request; the next 3xx is returned as the response.</summary>
    public const int MaxRedirects = 10;

    // Requests are cancelled at their own timeout; this only stops an abandoned connect attempt from lingering in the pool.
    private static readonly TimeSpan ConnectTimeoutCeiling = TimeSpan.FromSeconds(30);

    private readonly ProbeSessionOptions options;
    private readonly TimeProvider time;
    private readonly int maxBodyBytes;
    private readonly HttpClient client;
    private readonly ConcurrentDictionary<string, SeenCertificate> certificates = new(StringComparer.OrdinalIgnoreCase);
    private SeenCertificate? lastCertificate;

    public HttpClientProbeSession(ProbeSessionOptions options, TimeProvider time, int maxBodyBytes)
    {
        this.options = options;
        this.time = time;
        this.maxBodyBytes = maxBodyBytes;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = ConnectTimeoutCeiling,
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = ValidateCertificate },
        };
        client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Monitoring-Probe/1.0");
    }

    public async Task<ProbeResult> SendAsync(ProbeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = time.GetTimestamp();
        using var timeout = new CancellationTokenSource(request.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var url = request.Url;
        try
        {
            var method = request.Method;
            var body = request.Body;
            var headers = request.Headers;
            var redirects = 0;
            while (true)
            {
                using var message = BuildMessage(method, url, headers, body, request.ContentType);
                using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token);
                if (request.FollowRedirects && redirects < MaxRedirects && RedirectTarget(url, response) is { } next)
                {
                    // 301/302/303 turn into a GET without a body, as browsers do; 307/308 repeat the request as is.
                    if (response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
                        && !string.Equals(method, "HEAD", StringComparison.OrdinalIgnoreCase))
                    {
                        method = "GET";
                        body = null;
                    }

                    if (!SameOrigin(url, next))
                    {
                        headers = [.. headers.Where(h => !IsCredential(h.Key))];
                    }

                    url = next;
                    redirects++;
                    continue;
                }

                var text = await ReadBodyAsync(response.Content, linked.Token);
                return ProbeResult.Of(new ProbeResponse(
                    (int)response.StatusCode,
                    MergeHeaders(response),
                    text,
                    time.GetElapsedTime(started),
                    CertificateFor(url)?.NotAfter,
                    url,
                    redirects));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            var limit = Math.Round(request.Timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            return Failure(ErrorKind.Timeout, $"no response within {limit} ms", started, url);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or AuthenticationException or OperationCanceledException)
        {
            var seen = CertificateFor(url);
            var tlsErrors = options.VerifyTls && seen is { Errors: not SslPolicyErrors.None } ? seen.Errors.ToString() : null;
            var (kind, message) = ProbeErrorClassifier.Classify(ex, url, tlsErrors);
            return Failure(kind, message, started, url);
        }
    }

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }

    private ProbeResult Failure(ErrorKind kind, string message, long started, Uri url) =>
        ProbeResult.Of(new ProbeFailure(kind, message, time.GetElapsedTime(started), CertificateFor(url)?.NotAfter));

    private static HttpRequestMessage BuildMessage(string method, Uri url, ImmutableArray<KeyValuePair<string, string>> headers, ReadOnlyMemory<byte>? body, string? contentType)
    {
        var message = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is { } bytes)
        {
            message.Content = new ReadOnlyMemoryContent(bytes);
            if (!string.IsNullOrEmpty(contentType))
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        var replacedContentHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            if (message.Headers.TryAddWithoutValidation(name, value))
            {
                continue;
            }

            // Content headers cannot go on the request; a spec header such as Content-Type overrides the body's default.
            if (message.Content is not null)
            {
                if (replacedContentHeaders.Add(name))
                {
                    message.Content.Headers.Remove(name);
                }

                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return message;
    }

    private static Uri? RedirectTarget(Uri current, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status is not (301 or 302 or 303 or 307 or 308) || response.Headers.Location is not { } location)
        {
            return null;
        }

        var next = location.IsAbsoluteUri ? location : new Uri(current, location);
        return next.Scheme == Uri.UriSchemeHttp || next.Scheme == Uri.UriSchemeHttps ? next : null;
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    // Credentials meant for one origin must not follow a redirect to another (HttpClient's own redirects do the same).
    private static bool IsCredential(string header) =>
        header.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
        || header.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase)
        || header.Equals("Cookie", StringComparison.OrdinalIgnoreCase);

    private async Task<string> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            while (buffer.Length < maxBodyBytes)
            {
                var wanted = (int)Math.Min(chunk.Length, maxBodyBytes - buffer.Length);
                var read = await stream.ReadAsync(chunk.AsMemory(0, wanted), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        buffer.Position = 0;
        using var reader = new StreamReader(buffer, EncodingOf(content.Headers.ContentType), detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    private static Encoding EncodingOf(MediaTypeHeaderValue? contentType)
    {
        var charset = contentType?.CharSet?.Trim('"', '\'', ' ');
        if (string.IsNullOrEmpty(charset))
        {
            return Encoding.UTF8;
        }

        try
        {
            return Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            // An unknown charset should not fail the check; UTF-8 reads most of today's text correctly.
            return Encoding.UTF8;
        }
    }

    private static ImmutableDictionary<string, ImmutableArray<string>> MergeHeaders(HttpResponseMessage response)
    {
        var headers = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headers[name] = headers.TryGetValue(name, out var existing) ? existing.AddRange(values) : [.. values];
        }

        return headers.ToImmutable();
    }

    private bool ValidateCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is X509Certificate2 server)
        {
            var seen = new SeenCertificate(new DateTimeOffset(server.NotAfter).ToUniversalTime(), errors);
            certificates[(sender as SslStream)?.TargetHostName ?? string.Empty] = seen;
            lastCertificate = seen;
        }

        return !options.VerifyTls || errors == SslPolicyErrors.None;
    }

    private SeenCertificate? CertificateFor(Uri url)
    {
        if (url.Scheme != Uri.UriSchemeHttps)
        {
            return null;
        }

        return certificates.TryGetValue(url.IdnHost, out var seen) ? seen : lastCertificate;
    }

    /// <summary>What the certificate callback saw for one host.</summary>
    private sealed record SeenCertificate(DateTimeOffset NotAfter, SslPolicyErrors Errors);
}
