using Azure;

namespace Monitoring.Azure.Ingestion;

/// <summary>What one flush of the results spool did.</summary>
/// <param name="DeliveredRows">Rows delivered and acknowledged (deleted from the spool).</param>
/// <param name="Failure">The upload failure that stopped the flush or skipped a stream, or null when every stream drained.</param>
public sealed record SpoolFlushResult(long DeliveredRows, RequestFailedException? Failure);
