using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Monitoring.Core.Results;

namespace Monitoring.Azure.Ingestion;

/// <summary>
/// Turns monitor-table rows into the JSON objects a DCR stream declares: one property per column, named as the
/// column; DateTime as ISO 8601 UTC text, Dynamic as JSON, Boolean as true/false, Int and Long as integers, Real
/// as a number and Guid as text. Null values are left out (the table stores null either way), and so are reals
/// that JSON cannot hold (NaN and infinities).
/// </summary>
internal static class IngestionRows
{
    /// <summary>The JSON object for <paramref name="row"/>; throws <see cref="ArgumentException"/> when a value does not fit its column.</summary>
    public static JsonObject ToJson(TableRow row)
    {
        var table = row.Table;
        var json = new JsonObject();
        for (var c = 0; c < table.Columns.Length; c++)
        {
            var column = table.Columns[c];
            var value = row.Values[c];
            if (value is null)
            {
                continue;
            }

            var node = ToJson(column.Type, value, out var fits);
            if (!fits)
            {
                throw new ArgumentException(
                    $"A value does not fit its column type. Column {table.Name}.{column.Name} is {column.Type}; got {value.GetType().Name} '{Convert.ToString(value, CultureInfo.InvariantCulture)}'.",
                    nameof(row));
            }

            if (node is not null)
            {
                json[column.Name] = node;
            }
        }

        return json;
    }

    private static JsonNode? ToJson(ColumnType type, object value, out bool fits)
    {
        fits = true;
        switch (type)
        {
            case ColumnType.String when value is string text:
                return JsonValue.Create(text);
            case ColumnType.Int when ColumnNumbers.AsWhole(value) is { } i && i is >= int.MinValue and <= int.MaxValue:
                return JsonValue.Create((int)i);
            case ColumnType.Long when ColumnNumbers.AsWhole(value) is { } l:
                return JsonValue.Create(l);
            case ColumnType.Real when ColumnNumbers.AsReal(value) is { } d:
                return double.IsFinite(d) ? JsonValue.Create(d) : null;
            case ColumnType.Boolean when value is bool b:
                return JsonValue.Create(b);
            case ColumnType.DateTime when value is DateTimeOffset instant:
                return JsonValue.Create(Iso8601(instant));
            case ColumnType.DateTime when value is DateTime { Kind: DateTimeKind.Utc } utc:
                return JsonValue.Create(Iso8601(new DateTimeOffset(utc)));
            case ColumnType.Dynamic when value is JsonNode node:
                // A node belongs to one parent; the row keeps its own.
                return node.DeepClone();
            case ColumnType.Dynamic when value is JsonElement { ValueKind: not JsonValueKind.Undefined } element:
                return JsonSerializer.SerializeToNode(element);
            case ColumnType.Guid when value is Guid guid:
                return JsonValue.Create(guid.ToString("D", CultureInfo.InvariantCulture));
            default:
                fits = false;
                return null;
        }
    }

    private static string Iso8601(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
