using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;
using Monitoring.Core.Results;
using Monitoring.Core.Spec;

namespace Monitoring.Core.DataChecks;

/// <summary>Maps data-check evaluations to <see cref="MonitorTables.DataCheck"/> rows.</summary>
public static class DataCheckRows
{
    /// <summary>
    /// One row per result of <paramref name="evaluation"/>. <c>Details</c> is a <see cref="JsonObject"/> (as
    /// <see cref="CheckRunRows"/> writes <c>Steps</c>): the result's details plus its <c>summary</c>, instants as ISO 8601 UTC.
    /// </summary>
    public static IReadOnlyList<TableRow> ToRows(DataCheckSpec check, DataCheckEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(evaluation);
        return evaluation.Results.Select(result => ToRow(check, evaluation, result)).ToList();
    }

    private static TableRow ToRow(DataCheckSpec check, DataCheckEvaluation evaluation, DataRuleResult result)
    {
        var details = new JsonObject();
        foreach (var (key, value) in (result.Details ?? []).OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            details[key] = ToJson(value);
        }

        details["summary"] = result.Summary;
        return new TableRow(MonitorTables.DataCheck,
        [
            evaluation.At.ToUniversalTime(),
            evaluation.CheckName,
            check.Service,
            check.Dataset,
            result.Kind,
            result.Outcome.ToString(),
            result.LastUpdated?.ToUniversalTime(),
            result.AgeMinutes is { } age ? Math.Round(age, 2) : null,
            result.RowCount,
            result.Expected,
            result.AnomalyScore is { } score ? Math.Round(score, 3) : null,
            details,
        ]);
    }

    /// <summary>A details value as JSON: maps (keys sorted, so rows compare), lists, numbers, booleans, instants and text.</summary>
    internal static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        int number => JsonValue.Create(number),
        long number => JsonValue.Create(number),
        double number => double.IsFinite(number) ? JsonValue.Create(number) : null,
        float number => float.IsFinite(number) ? JsonValue.Create(number) : null,
        decimal number => JsonValue.Create(number),
        DateTimeOffset instant => JsonValue.Create(instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)),
        TimeSpan span => JsonValue.Create(Durations.Format(span)),
        Enum named => JsonValue.Create(named.ToString()),
        IDictionary map => Object(map),
        IEnumerable items => new JsonArray([.. items.Cast<object?>().Select(ToJson)]),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    private static JsonObject Object(IDictionary map)
    {
        var entries = new List<(string Key, object? Value)>();
        var enumerator = map.GetEnumerator();
        while (enumerator.MoveNext())
        {
            entries.Add((Convert.ToString(enumerator.Key, CultureInfo.InvariantCulture) ?? string.Empty, enumerator.Value));
        }

        var json = new JsonObject();
        foreach (var (key, value) in entries.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            json[key] = ToJson(value);
        }

        return json;
    }
}
