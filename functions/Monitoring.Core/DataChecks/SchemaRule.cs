using System.Collections.Immutable;
using Monitoring.Core.Checks;
using Monitoring.Core.Spec;

namespace Monitoring.Core.DataChecks;

/// <summary>
/// The schema drift rule: the observed columns against the accepted baseline, by name and type (both compared
/// ignoring case, since sources disagree on the case of the same column and type).
/// </summary>
internal static class SchemaRule
{
    public static DataRuleResult Evaluate(DataCheckSpec check, SchemaRuleSpec rule, ImmutableArray<SchemaColumn> observed, ImmutableArray<SchemaColumn> baseline)
    {
        if (observed.IsDefault)
        {
            return new DataRuleResult(DataRuleKinds.Schema, CheckOutcome.Failed, "The source answered no schema.", Expected(rule, baseline));
        }

        if (baseline.IsDefault)
        {
            return new DataRuleResult(DataRuleKinds.Schema, CheckOutcome.Healthy,
                $"Baseline recorded: {DataCheckText.Plural(observed.Length, "column")}.", Expected(rule, observed),
                Details: ImmutableDictionary<string, object?>.Empty.Add("baselineRecorded", true).Add("columns", observed.Length));
        }

        var before = ByName(baseline);
        var after = ByName(observed);
        var added = Distinct(observed).Where(column => !before.ContainsKey(column.Name)).Select(column => column.Name).ToImmutableArray();
        var removed = Distinct(baseline).Where(column => !after.ContainsKey(column.Name)).Select(column => column.Name).ToImmutableArray();
        var changed = Distinct(baseline)
            .Where(column => after.TryGetValue(column.Name, out var now) && !string.Equals(column.Type, now.Type, StringComparison.OrdinalIgnoreCase))
            .Select(column => (column.Name, From: column.Type, To: after[column.Name].Type))
            .ToImmutableArray();
        var drifted = added.Where(_ => !rule.IgnoreAdded).ToImmutableArray();

        var details = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
        details["added"] = drifted;
        details["removed"] = removed;
        details["changed"] = changed.Select(c => (object?)ImmutableDictionary<string, object?>.Empty.Add("name", c.Name).Add("from", c.From).Add("to", c.To)).ToImmutableArray();
        if (rule.IgnoreAdded && !added.IsEmpty)
        {
            details["ignoredAdded"] = added;
        }

        var changes = new List<string>();
        if (!removed.IsEmpty)
        {
            changes.Add($"{Columns(removed)} removed");
        }

        changes.AddRange(changed.Select(c => $"column {c.Name} changed type from {c.From} to {c.To}"));
        if (!drifted.IsEmpty)
        {
            changes.Add($"{Columns(drifted)} added");
        }

        var summary = changes.Count == 0
            ? $"{check.Dataset} matches its baseline of {DataCheckText.Plural(baseline.Length, "column")}"
                + (rule.IgnoreAdded && !added.IsEmpty ? $" ({Columns(added)} added, allowed)." : ".")
            : $"{check.Dataset} schema drift: {string.Join("; ", changes)}.";
        return new DataRuleResult(DataRuleKinds.Schema, changes.Count == 0 ? CheckOutcome.Healthy : CheckOutcome.Failed, summary, Expected(rule, baseline),
            Details: details.ToImmutable());
    }

    /// <summary>E.g. "the baseline's 12 columns (new columns allowed)".</summary>
    private static string Expected(SchemaRuleSpec rule, ImmutableArray<SchemaColumn> baseline) =>
        baseline.IsDefault
            ? "a schema to record as the baseline"
            : $"the baseline's {DataCheckText.Plural(baseline.Length, "column")}" + (rule.IgnoreAdded ? " (new columns allowed)" : string.Empty);

    // The first column of a name wins: a source listing a name twice has one column by that name to compare.
    private static IEnumerable<SchemaColumn> Distinct(ImmutableArray<SchemaColumn> columns) => columns.DistinctBy(column => column.Name, StringComparer.OrdinalIgnoreCase);

    private static Dictionary<string, SchemaColumn> ByName(ImmutableArray<SchemaColumn> columns) =>
        Distinct(columns).ToDictionary(column => column.Name, StringComparer.OrdinalIgnoreCase);

    private static string Columns(ImmutableArray<string> names) => (names.Length == 1 ? "column " : "columns ") + string.Join(", ", names);
}
