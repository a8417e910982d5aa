using System.Collections.Immutable;
using Monitoring.Core.Spec.Loading.Nodes;

namespace Monitoring.Core.Spec.Validation;

/// <summary>
/// The names written in a list of named items, read before the items are mapped: a reference to an item that has
/// errors of its own is then not reported a second time, and duplicates can name the item they clash with.
/// </summary>
internal static class WrittenNames
{
    /// <summary>The item's <c>name</c> scalar, or null when it has none.</summary>
    public static SpecScalar? NameNode(SpecNode item) =>
        (item as SpecMapping)?.Find("name")?.Value is SpecScalar { Kind: not ScalarKind.Null } name ? name : null;

    /// <summary>Each name written in <paramref name="list"/>, with the index of the first item that uses it.</summary>
    public static ImmutableDictionary<string, int> FirstIndexByName(SpecSequence? list)
    {
        var names = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        if (list is not null)
        {
            for (var i = 0; i < list.Items.Length; i++)
            {
                if (NameNode(list.Items[i]) is { } name)
                {
                    names.TryAdd(name.Text, i);
                }
            }
        }

        return names.ToImmutable();
    }
}
