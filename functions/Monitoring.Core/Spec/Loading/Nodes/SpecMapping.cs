using System.Collections.Immutable;

namespace Monitoring.Core.Spec.Loading.Nodes;

/// <summary>Keys and values, in the order they were written (keys are unique).</summary>
internal sealed class SpecMapping(ImmutableArray<SpecEntry> entries, int line, int column) : SpecNode(line, column)
{
    /// <summary>The entries, in order.</summary>
    public ImmutableArray<SpecEntry> Entries { get; } = entries;

    /// <inheritdoc/>
    public override string Description => "a mapping";

    /// <summary>The entry for <paramref name="key"/>, or null.</summary>
    public SpecEntry? Find(string key) => Entries.FirstOrDefault(e => string.Equals(e.Key, key, StringComparison.Ordinal));
}
