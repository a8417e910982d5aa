namespace Monitoring.Core.Alerting;

/// <summary>What produced an alert's observations. Every source runs through the same state machine.</summary>
public enum AlertSource
{
    /// <summary>A synthetic check failed.</summary>
    Check,

    /// <summary>A synthetic check is slow but working: its own, lower-severity signal.</summary>
    Degraded,

    /// <summary>An SLO burns its error budget too fast.</summary>
    SloBurn,

    /// <summary>A source that should report stopped reporting (an empty SLI window, a silent check).</summary>
    NoData,

    /// <summary>A TLS certificate is close to expiry.</summary>
    Certificate,

    /// <summary>A data check (freshness, volume, schema) is violated.</summary>
    DataCheck,

    /// <summary>Results wait in the delivery spool: the results store is slow or down.</summary>
    Spool,
}
