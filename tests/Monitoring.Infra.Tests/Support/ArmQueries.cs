using System.Text.Json.Nodes;
using Monitoring.Infra.Tests.Support.Arm;
using Xunit;

namespace Monitoring.Infra.Tests.Support;

/// <summary>Lookups over an evaluated deployment that the tests share.</summary>
internal static class ArmQueries
{
    /// <summary>Every deployed resource of <paramref name="type"/>, modules included.</summary>
    public static List<ArmResource> OfType(this ArmDeployment deployment, string type) =>
        [.. deployment.AllResources().Where(r => r.Deployed && r.Is(type))];

    /// <summary>The one deployed resource of <paramref name="type"/>.</summary>
    public static ArmResource Single(this ArmDeployment deployment, string type)
    {
        var resources = deployment.OfType(type);
        Assert.True(resources.Count == 1, $"Expected one {type}, found {resources.Count}: {string.Join(", ", resources)}");
        return resources[0];
    }

    /// <summary>The string at <paramref name="path"/> (dot-separated) under <paramref name="node"/>, or null.</summary>
    public static string? StringAt(this JsonNode? node, string path) => node.At(path) is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>The boolean at <paramref name="path"/> under <paramref name="node"/>, or null.</summary>
    public static bool? BoolAt(this JsonNode? node, string path) => node.At(path) is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : null;

    /// <summary>The node at <paramref name="path"/> (dot-separated, property names case-insensitive) under <paramref name="node"/>, or null.</summary>
    public static JsonNode? At(this JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject obj ? obj.FirstOrDefault(p => string.Equals(p.Key, part, StringComparison.OrdinalIgnoreCase)).Value : null;
        }

        return node;
    }
}
