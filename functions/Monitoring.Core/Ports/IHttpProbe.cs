using System.Collections.Immutable;
using Monitoring.Core.Checks;

namespace Monitoring.Core.Ports;

/// <summary>Opens probe sessions. One session serves one attempt of one journey.</summary>
public interface IHttpProbeFactory
{
    /// <summary>
    /// Opens a session with its own cookies and its own fresh connections, so every attempt
    /// measures DNS, connect and TLS as a new visitor would.
    /// </summary>
    IHttpProbeSession CreateSession(ProbeSessionOptions options);
}

/// <summary>Options for a <see cref="IHttpProbeSession"/>.</summary>
/// <param name="VerifyTls">False accepts any server certificate; its expiry is still reported.</param>
public sealed record ProbeSessionOptions(bool VerifyTls);

/// <summary>Sends the requests of one journey attempt.</summary>
public interface IHttpProbeSession : IAsyncDisposable
{
    /// <summary>Sends a request. Never throws for network or HTTP failures: they come back as <see cref="ProbeResult.Failure"/>.</summary>
    Task<ProbeResult> SendAsync(ProbeRequest request, CancellationToken cancellationToken);
}

/// <summary>A fully rendered request, ready to send.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Url">Absolute URL.</param>
/// <param name="Headers">Headers, in order (duplicates allowed).</param>
/// <param name="Body">Body bytes, if any.</param>
/// <param name="ContentType">Content type of the body.</param>
/// <param name="Timeout">The whole exchange must finish within this, redirects included.</param>
/// <param name="FollowRedirects">Whether 3xx responses with a Location are followed (at most 10).</param>
public sealed record ProbeRequest(
    string Method,
    Uri Url,
    ImmutableArray<KeyValuePair<string, string>> Headers,
    ReadOnlyMemory<byte>? Body,
    string? ContentType,
    TimeSpan Timeout,
    bool FollowRedirects);

/// <summary>Either a response or a failure, never both.</summary>
/// <param name="Response">The response, when one arrived (any status).</param>
/// <param name="Failure">Why no response arrived.</param>
public sealed record ProbeResult(ProbeResponse? Response, ProbeFailure? Failure)
{
    /// <summary>A result holding a response.</summary>
    public static ProbeResult Of(ProbeResponse response) => new(response, null);

    /// <summary>A result holding a failure.</summary>
    public static ProbeResult Of(ProbeFailure failure) => new(null, failure);
}

/// <summary>A response as the assertions and extractions see it.</summary>
/// <param name="StatusCode">HTTP status.</param>
/// <param name="Headers">Response and content headers; look-ups are case-insensitive.</param>
/// <param name="Body">The body as text (UTF-8 unless the response says otherwise), truncated at the probe's limit.</param>
/// <param name="Duration">From sending to having read the body, redirects included.</param>
/// <param name="CertificateNotAfter">Expiry of the server certificate, for HTTPS.</param>
/// <param name="FinalUrl">The URL that answered, after redirects.</param>
/// <param name="Redirects">How many redirects were followed.</param>
public sealed record ProbeResponse(
    int StatusCode,
    ImmutableDictionary<string, ImmutableArray<string>> Headers,
    string Body,
    TimeSpan Duration,
    DateTimeOffset? CertificateNotAfter,
    Uri FinalUrl,
    int Redirects);

/// <summary>A request that got no response.</summary>
/// <param name="Kind">Dns, Connect, Tls or Timeout.</param>
/// <param name="Message">A short explanation (not yet redacted).</param>
/// <param name="Duration">How long it took to fail.</param>
/// <param name="CertificateNotAfter">Expiry of the server certificate, when the handshake got that far.</param>
public sealed record ProbeFailure(ErrorKind Kind, string Message, TimeSpan Duration, DateTimeOffset? CertificateNotAfter = null);
