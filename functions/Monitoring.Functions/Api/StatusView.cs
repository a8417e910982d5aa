namespace Monitoring.Functions.Api;

/// <summary>The answer of <c>GET /api/status</c>.</summary>
/// <param name="GeneratedAt">When it was built.</param>
/// <param name="Summary">Counts of checks by their last outcome.</param>
/// <param name="Checks">Every check in spec order.</param>
public sealed record StatusView(DateTimeOffset GeneratedAt, IReadOnlyDictionary<string, int> Summary, IReadOnlyList<CheckStatusView> Checks);
