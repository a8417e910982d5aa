namespace Monitoring.Azure.Tests.Support;

/// <summary>One call the ingestion fake received, with its answer.</summary>
/// <param name="RuleId">The data collection rule id from the path.</param>
/// <param name="Stream">The stream from the path.</param>
/// <param name="Authorization">The Authorization header.</param>
/// <param name="ClientRequestId">The x-ms-client-request-id header.</param>
/// <param name="ContentType">The Content-Type header.</param>
/// <param name="ContentEncoding">The Content-Encoding header.</param>
/// <param name="CompressedBytes">The body's length on the wire.</param>
/// <param name="UncompressedBytes">The body's length after gunzip, when it was read that far.</param>
/// <param name="Status">The status answered.</param>
/// <param name="Rows">Rows accepted (0 unless the status is 204).</param>
public sealed record IngestionRequest(
    string RuleId,
    string Stream,
    string? Authorization,
    string? ClientRequestId,
    string? ContentType,
    string? ContentEncoding,
    long CompressedBytes,
    long? UncompressedBytes,
    int Status,
    int Rows);
