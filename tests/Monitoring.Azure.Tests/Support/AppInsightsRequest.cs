namespace Monitoring.Azure.Tests.Support;

/// <summary>One call the Application Insights fake received, with its answer.</summary>
/// <param name="Authorization">The Authorization header.</param>
/// <param name="ContentType">The Content-Type header.</param>
/// <param name="ContentEncoding">The Content-Encoding header.</param>
/// <param name="Status">The status answered.</param>
/// <param name="Items">Envelopes accepted (0 unless the status is 200).</param>
public sealed record AppInsightsRequest(string? Authorization, string? ContentType, string? ContentEncoding, int Status, int Items);
