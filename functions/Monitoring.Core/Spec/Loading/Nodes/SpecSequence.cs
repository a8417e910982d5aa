using System.Collections.Immutable;

namespace Monitoring.Core.Spec.Loading.Nodes;

/// <summary>A list of nodes.</summary>
internal sealed class SpecSequence(ImmutableArray<SpecNode> items, int line, int column) : SpecNode(line, column)
{
    /// <summary>The items, in order.</summary>
    public ImmutableArray<SpecNode> Items { get; } = items;

    /// <inheritdoc/>
    public override string Description => "a list";
}
