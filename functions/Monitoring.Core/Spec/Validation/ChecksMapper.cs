using System.Collections.Immutable;
using Monitoring.Core.Spec.Loading.Nodes;

namespace Monitoring.Core.Spec.Validation;

/// <summary>Maps the <c>checks</c> list: each check, and names unique across them.</summary>
internal static class ChecksMapper
{
    /// <summary>The checks that are valid, in spec order.</summary>
    public static ImmutableArray<CheckSpec> Map(SpecSequence? checks, MappingContext context, ImmutableHashSet<string> declaredServices)
    {
        if (checks is null)
        {
            return [];
        }

        var path = SpecPath.Root.Field("checks");
        var result = ImmutableArray.CreateBuilder<CheckSpec>(checks.Items.Length);
        var firstByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < checks.Items.Length; i++)
        {
            var nameNode = (checks.Items[i] as SpecMapping)?.Find("name")?.Value as SpecScalar;
            var name = nameNode is { Kind: not ScalarKind.Null } ? nameNode.Text : null;
            var checkPath = path.Item(i, name);
            if (name is not null && !firstByName.TryAdd(name, i))
            {
                var first = path.Item(firstByName[name], name);
                context.Errors.Add(checkPath.Field("name"), nameNode, $"duplicate check name '{name}': {first} already uses it");
            }

            if (CheckMapper.Map(checks.Items[i], checkPath, context, declaredServices) is { } check)
            {
                result.Add(check);
            }
        }

        return result.ToImmutable();
    }
}
