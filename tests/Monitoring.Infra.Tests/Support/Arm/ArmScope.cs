using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Monitoring.Infra.Tests.Support.Arm;

/// <summary>What an expression sees besides parameters and variables: the copy loops it is in and the lambda variables bound.</summary>
internal sealed record ArmScope(ImmutableDictionary<string, int> CopyIndexes, ImmutableDictionary<string, JsonNode?> LambdaVariables)
{
    /// <summary>No loop, no lambda.</summary>
    public static ArmScope Empty { get; } = new(
        ImmutableDictionary.Create<string, int>(StringComparer.OrdinalIgnoreCase),
        ImmutableDictionary.Create<string, JsonNode?>(StringComparer.Ordinal));

    /// <summary>The resource loop named <paramref name="loop"/> at <paramref name="index"/>, which <c>copyIndex()</c> without a name also reads.</summary>
    public ArmScope WithResourceCopyIndex(string loop, int index) =>
        this with { CopyIndexes = CopyIndexes.SetItem(loop, index).SetItem(string.Empty, index) };

    /// <summary>The property or variable loop named <paramref name="loop"/> at <paramref name="index"/> (read only by name).</summary>
    public ArmScope WithCopyIndex(string loop, int index) =>
        this with { CopyIndexes = CopyIndexes.SetItem(loop, index) };

    /// <summary>The lambda variable <paramref name="name"/> bound to <paramref name="value"/>.</summary>
    public ArmScope WithLambdaVariable(string name, JsonNode? value) =>
        this with { LambdaVariables = LambdaVariables.SetItem(name, value) };
}
