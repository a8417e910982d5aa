using System.Collections.Immutable;
using Monitoring.Core.Spec.Loading.Nodes;

namespace Monitoring.Core.Spec.Validation;

/// <summary>
/// Which rules each source kind can answer, and which of its fields a rule needs: a rule its source cannot answer would
/// fail on every read, so the loader says so instead.
/// </summary>
internal static class DataRuleSupport
{
    // Rule → source kind → the source fields of which at least one must be set (none: the source always answers it).
    private static readonly ImmutableDictionary<string, ImmutableDictionary<string, ImmutableArray<string>>> Needs =
        new Dictionary<string, ImmutableDictionary<string, ImmutableArray<string>>>(StringComparer.Ordinal)
        {
            ["freshness"] = Sources(("kql", ["query"]), ("table", []), ("blob", []), ("http", ["timestamp"]), ("sql", ["query"]), ("adf", [])),
            ["volume"] = Sources(("kql", ["query"]), ("table", []), ("blob", []), ("http", ["items", "count"]), ("sql", ["query"])),
            ["anomaly"] = Sources(("kql", ["query"]), ("table", []), ("blob", []), ("sql", ["query"])),
            ["schema"] = Sources(("kql", ["schemaQuery"]), ("http", ["items"]), ("sql", ["schemaQuery"])),
            ["pipeline"] = Sources(("kql", ["runsQuery"]), ("http", ["status"]), ("sql", ["runsQuery"]), ("adf", [])),
        }.ToImmutableDictionary(StringComparer.Ordinal);

    // Only these sources know bytes: blobs have sizes, and a query may answer a Bytes column.
    private static readonly ImmutableArray<string> KnowBytes = ["kql", "blob", "sql"];

    /// <summary>The source kinds that can answer <paramref name="rule"/>, in spec order.</summary>
    public static IEnumerable<string> SourcesFor(string rule) => SpecFields.DataSourceKinds.Where(Needs[rule].ContainsKey);

    /// <summary>Reports a rule that <paramref name="source"/> cannot answer as written.</summary>
    public static void Report(MappingReader rules, string rule, WrittenSource source)
    {
        if (!Needs[rule].TryGetValue(source.Kind, out var fields))
        {
            rules.Errors.Add(rules.PathOf(rule), rules.Node(rule), $"{source.Kind} sources cannot answer the {rule} rule: it works with {Join(SourcesFor(rule))} sources");
            return;
        }

        if (!fields.IsEmpty && !fields.Any(source.Fields.Has))
        {
            var alternatives = fields.Length > 1 ? $" (or set {string.Join(" or ", fields.Skip(1))} instead)" : string.Empty;
            source.Fields.Errors.Add(source.Fields.PathOf(fields[0]), source.Fields.Mapping, $"is required by the {rule} rule{alternatives}");
        }

        if (rule == "volume" && !KnowBytes.Contains(source.Kind, StringComparer.Ordinal)
            && (rules.Node(rule) as SpecMapping)?.Find("minBytes") is { } minBytes)
        {
            rules.Errors.Add(rules.PathOf(rule).Field("minBytes"), minBytes, $"{source.Kind} sources do not know bytes: minBytes works with {Join(KnowBytes)} sources");
        }
    }

    private static ImmutableDictionary<string, ImmutableArray<string>> Sources(params (string Kind, ImmutableArray<string> Fields)[] sources) =>
        sources.ToImmutableDictionary(s => s.Kind, s => s.Fields, StringComparer.Ordinal);

    private static string Join(IEnumerable<string> kinds)
    {
        var list = kinds.ToList();
        return list.Count == 1 ? list[0] : string.Join(", ", list.Take(list.Count - 1)) + " or " + list[^1];
    }
}
