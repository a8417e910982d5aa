namespace Monitoring.Azure.Ingestion;

/// <summary>How <see cref="SpoolingResultsWriter"/> flushes its spool.</summary>
public sealed class SpoolingResultsWriterOptions
{
    /// <summary>
    /// After a failed flush, appends only spool rows, without trying to deliver, for this long: during an outage each
    /// delivery attempt can spend the ingestion client's whole retry budget, and callers must not wait for it on
    /// every append. An explicit <see cref="SpoolingResultsWriter.FlushAsync"/> always tries. One minute by default.
    /// </summary>
    public TimeSpan FailureBackoff { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The most rows one flush step reads from a stream; they go in calls of at most 1,000,000 bytes. 1,000 by default.</summary>
    public int ReadRows { get; init; } = 1000;

    /// <summary>Times the backoff; defaults to the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Run the flush an append tries in the background, so the append returns once its rows are spooled. The app
    /// sets it: a check run must not wait out Log Analytics' retries. Off by default (the append then flushes inline).
    /// </summary>
    public bool FlushInBackground { get; init; }
}
