using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Xml;
using Monitoring.Core.DataSources;
using Monitoring.Core.Ports;

namespace Monitoring.Azure.Query;

/// <summary>
/// <see cref="IKqlDataSource"/> on a Log Analytics workspace: the data checks' KQL source. Values are converted by
/// the column types the service reports, so a rule reads a <see cref="DateTimeOffset"/> or a <see cref="long"/>,
/// never a string it has to guess about.
/// </summary>
public sealed class LogAnalyticsKqlSource(LogsQueryClient client, string workspaceId) : IKqlDataSource
{
    /// <inheritdoc/>
    public async Task<KqlTable> QueryAsync(string query, TimeSpan timespan, CancellationToken cancellationToken)
    {
        var tables = await client.QueryAsync(workspaceId, query, timespan, cancellationToken).ConfigureAwait(false);
        if (tables.IsEmpty)
        {
            return KqlTable.Empty;
        }

        var table = tables[0];
        var columns = table.Columns.Select(c => new KqlColumn(c.Name, c.Type)).ToImmutableArray();
        var rows = table.Rows.Select(row => row.Select((value, i) => Convert(value, columns[i])).ToImmutableArray()).ToImmutableArray();
        return new KqlTable(columns, rows);
    }

    /// <summary>One cell, by its column's type.</summary>
    /// <exception cref="InvalidDataException">The value does not have its column's type.</exception>
    public static object? Convert(JsonElement value, KqlColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        try
        {
            return column.Type.ToLowerInvariant() switch
            {
                "string" => value.GetString(),
                "int" or "long" => value.ValueKind == JsonValueKind.String ? long.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt64(),
                "real" or "decimal" => value.ValueKind == JsonValueKind.String ? ParseReal(value.GetString()!) : value.GetDouble(),
                "bool" or "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : value.GetInt64() != 0,
                "datetime" => DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
                "timespan" => ParseTimeSpan(value.GetString()!),
                "guid" => Guid.Parse(value.GetString()!),
                _ => value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText(),
            };
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or OverflowException)
        {
            throw new InvalidDataException($"Column '{column.Name}' is {column.Type}, but a value is {value.ValueKind}: {Shorten(value.GetRawText())}", e);
        }
    }

    // Log Analytics writes NaN and infinities as strings.
    private static double ParseReal(string text) => text switch
    {
        "NaN" => double.NaN,
        "Infinity" => double.PositiveInfinity,
        "-Infinity" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    // Timespans come as [-][d.]hh:mm:ss[.fffffff]; ISO 8601 durations are accepted too.
    private static TimeSpan ParseTimeSpan(string text) =>
        TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span : XmlConvert.ToTimeSpan(text);

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
