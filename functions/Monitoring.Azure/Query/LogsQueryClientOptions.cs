using Azure.Core;

namespace Monitoring.Azure.Query;

/// <summary>Options for <see cref="LogsQueryClient"/>: the Azure SDK's client options (retries honour <c>Retry-After</c> on 429 and 503).</summary>
public sealed class LogsQueryClientOptions : ClientOptions
{
    /// <summary>The scope of the bearer token: Log Analytics' public cloud audience.</summary>
    public string Audience { get; set; } = "https://api.loganalytics.io//.default";

    /// <summary>How long the service may run a query (<c>Prefer: wait=N</c>, at most 10 minutes). Default 3 minutes.</summary>
    public TimeSpan ServerTimeout { get; set; } = TimeSpan.FromMinutes(3);
}
