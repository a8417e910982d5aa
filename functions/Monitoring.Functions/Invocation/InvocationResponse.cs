using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Monitoring.Functions.Invocation;

/// <summary>
/// What the app answers to a host invocation: output bindings, log lines the host records
/// against the invocation, and the return value. Property names are the host's, exactly.
/// </summary>
public sealed record InvocationResponse
{
    /// <summary>Output binding values, keyed by binding name.</summary>
    [JsonPropertyName("Outputs")]
    public JsonObject Outputs { get; init; } = [];

    /// <summary>Lines the host adds to the invocation's logs.</summary>
    [JsonPropertyName("Logs")]
    public IReadOnlyList<string> Logs { get; init; } = [];

    /// <summary>The function's return value, if any.</summary>
    [JsonPropertyName("ReturnValue")]
    public JsonNode? ReturnValue { get; init; }
}
