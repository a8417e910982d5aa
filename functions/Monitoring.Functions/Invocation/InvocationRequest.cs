using System.Text.Json.Nodes;

namespace Monitoring.Functions.Invocation;

/// <summary>The body the Functions host POSTs to <c>/{FunctionName}</c> for a non-HTTP trigger.</summary>
/// <param name="Data">Input binding data, keyed by binding name (e.g. <c>timer</c>).</param>
/// <param name="Metadata">Trigger metadata (invocation id, sys info, queue properties).</param>
public sealed record InvocationRequest(JsonObject? Data, JsonObject? Metadata);
