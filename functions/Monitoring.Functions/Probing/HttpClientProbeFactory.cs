using Monitoring.Core.Ports;

namespace Monitoring.Functions.Probing;

/// <summary>Opens probe sessions backed by <see cref="HttpClient"/>: fresh connections and cookies per session.</summary>
public sealed class HttpClientProbeFactory : IHttpProbeFactory
{
    /// <summary>How much of a response body is read by default (1 MiB); the rest is discarded.</summary>
    public const int DefaultMaxBodyBytes = 1024 * 1024;

    private readonly TimeProvider time;
    private readonly int maxBodyBytes;

    /// <summary>Creates the factory; <paramref name="time"/> measures durations and drives request timeouts.</summary>
    public HttpClientProbeFactory(TimeProvider time, int maxBodyBytes = DefaultMaxBodyBytes)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBodyBytes);
        this.time = time;
        this.maxBodyBytes = maxBodyBytes;
    }

    /// <inheritdoc/>
    public IHttpProbeSession CreateSession(ProbeSessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new HttpClientProbeSession(options, time, maxBodyBytes);
    }
}
