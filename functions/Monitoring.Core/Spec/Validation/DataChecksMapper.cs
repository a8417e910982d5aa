using System.Collections.Immutable;
using Monitoring.Core.Spec.Loading.Nodes;

namespace Monitoring.Core.Spec.Validation;

/// <summary>Maps the <c>dataChecks</c> list: each data check, and names unique across checks and data checks.</summary>
internal static class DataChecksMapper
{
    /// <summary>The data checks that are valid, in spec order.</summary>
    /// <param name="dataChecks">The list, or null when the spec has none.</param>
    /// <param name="errors">Where errors go.</param>
    /// <param name="templates">Reads URLs, headers and connection strings.</param>
    /// <param name="declaredServices">Every service named under <c>services</c>.</param>
    /// <param name="checkNames">Every name written under <c>checks</c>, with its index: alerts and SLOs name checks and data checks alike, so the names must not clash.</param>
    public static ImmutableArray<DataCheckSpec> Map(
        SpecSequence? dataChecks,
        SpecErrorList errors,
        TemplateReader templates,
        ImmutableHashSet<string> declaredServices,
        ImmutableDictionary<string, int> checkNames)
    {
        if (dataChecks is null)
        {
            return [];
        }

        var path = SpecPath.Root.Field("dataChecks");
        var checksPath = SpecPath.Root.Field("checks");
        var result = ImmutableArray.CreateBuilder<DataCheckSpec>(dataChecks.Items.Length);
        var firstByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < dataChecks.Items.Length; i++)
        {
            var nameNode = WrittenNames.NameNode(dataChecks.Items[i]);
            var name = nameNode?.Text;
            var checkPath = path.Item(i, name);
            if (name is not null && checkNames.TryGetValue(name, out var checkIndex))
            {
                errors.Add(checkPath.Field("name"), nameNode, $"name '{name}' is already used by {checksPath.Item(checkIndex, name)}: checks and data checks share their names, since alerts and SLOs refer to both");
            }
            else if (name is not null && !firstByName.TryAdd(name, i))
            {
                errors.Add(checkPath.Field("name"), nameNode, $"duplicate data check name '{name}': {path.Item(firstByName[name], name)} already uses it");
            }

            if (DataCheckMapper.Map(dataChecks.Items[i], checkPath, errors, templates, declaredServices) is { } check)
            {
                result.Add(check);
            }
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// The names of the data checks written with a freshness rule, even those with errors of their own, so an SLO that
    /// names one is not reported again.
    /// </summary>
    public static ImmutableHashSet<string> WithFreshnessRule(SpecSequence? dataChecks) =>
        dataChecks is null
            ? []
            : dataChecks.Items
                .Where(c => ((c as SpecMapping)?.Find("rules")?.Value as SpecMapping)?.Find("freshness") is not null)
                .Select(WrittenNames.NameNode)
                .OfType<SpecScalar>()
                .Select(n => n.Text)
                .ToImmutableHashSet(StringComparer.Ordinal);
}
