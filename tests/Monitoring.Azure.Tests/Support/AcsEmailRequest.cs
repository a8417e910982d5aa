namespace Monitoring.Azure.Tests.Support;

/// <summary>One request the ACS Email fake received, with its answer.</summary>
/// <param name="Method">GET (a poll) or POST (a send).</param>
/// <param name="Path">The request path, e.g. <c>/emails:send</c>.</param>
/// <param name="ApiVersion">The <c>api-version</c> query value.</param>
/// <param name="Authorization">The Authorization header.</param>
/// <param name="OperationId">The <c>Operation-Id</c> header of a send.</param>
/// <param name="Status">The status answered; 0 when the answer was dropped.</param>
public sealed record AcsEmailRequest(string Method, string Path, string? ApiVersion, string? Authorization, string? OperationId, int Status);
