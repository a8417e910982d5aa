using System.Text.Json.Nodes;

namespace Monitoring.Infra.Tests.Support.Arm;

/// <summary>
/// A value only the deployment knows (a <c>reference()</c> to a resource's runtime properties, <c>utcNow()</c>, a list
/// call), kept as text that says where it comes from: <c>⟪reference(/subscriptions/…/dataCollectionRules/dcr-x).immutableId⟫</c>.
/// Member access on it extends the text, so tests can check what a setting is wired to.
/// </summary>
internal static class Runtime
{
    private const string Open = "⟪";
    private const string Close = "⟫";

    /// <summary>A runtime value described by <paramref name="description"/>.</summary>
    public static JsonNode Create(string description) => JsonValue.Create(Open + description + Close);

    /// <summary>The runtime property <paramref name="path"/> (<c>principalId</c>, <c>endpoints.logsIngestion</c>) of the resource <paramref name="resourceId"/>.</summary>
    public static string Of(string resourceId, string path) => $"{Open}reference({resourceId}).{path}{Close}";

    /// <summary>True when <paramref name="node"/> is a runtime value.</summary>
    public static bool IsRuntime(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.StartsWith(Open, StringComparison.Ordinal) && text.EndsWith(Close, StringComparison.Ordinal);

    /// <summary>The description inside a runtime value.</summary>
    public static string Describe(JsonNode node) => node.GetValue<string>()[Open.Length..^Close.Length];

    /// <summary>The runtime value one member further.</summary>
    public static JsonNode Member(JsonNode runtime, string name) => Create(Describe(runtime) + "." + name);
}
