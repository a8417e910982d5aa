using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Monitoring.Core.Results;

namespace Monitoring.Local.Sqlite;

/// <summary>
/// Converts monitor-table values between their CLR types and SQLite storage.
/// DateTime is stored as INTEGER Unix milliseconds (UTC): 6 bytes instead of 24 to 28 for
/// ISO-8601 text, in the rows and in both TimeGenerated indexes, and range filters compare
/// integers. Millisecond precision is enough for run timestamps; read it back in ad-hoc SQL
/// with <c>datetime(TimeGenerated / 1000, 'unixepoch')</c>.
/// Dynamic is stored as JSON text, Boolean as INTEGER 0/1 and Guid as its 36-character text.
/// </summary>
internal static class SqliteColumnValues
{
    // Values stay in our own file and never reach HTML, so non-ASCII text is stored as is:
    // shorter, and readable with the sqlite3 shell.
    private static readonly JsonSerializerOptions JsonStorage = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The STRICT-table type a column is declared with.</summary>
    public static string DeclaredType(ColumnType type) => StorageType(type) switch
    {
        SqliteType.Integer => "INTEGER",
        SqliteType.Real => "REAL",
        _ => "TEXT",
    };

    /// <summary>The storage class values of a column are bound with.</summary>
    public static SqliteType StorageType(ColumnType type) => type switch
    {
        ColumnType.String or ColumnType.Dynamic or ColumnType.Guid => SqliteType.Text,
        ColumnType.Int or ColumnType.Long or ColumnType.Boolean or ColumnType.DateTime => SqliteType.Integer,
        ColumnType.Real => SqliteType.Real,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown column type."),
    };

    /// <summary>The value to bind for <paramref name="value"/>; throws <see cref="ArgumentException"/> when its type does not fit the column.</summary>
    public static object ToStorage(TableDefinition table, ColumnDefinition column, object? value)
    {
        if (value is null)
        {
            return DBNull.Value;
        }

        object? stored = column.Type switch
        {
            ColumnType.String => value as string,
            ColumnType.Int => ColumnNumbers.AsWhole(value) is { } i && i is >= int.MinValue and <= int.MaxValue ? i : null,
            ColumnType.Long => ColumnNumbers.AsWhole(value),
            ColumnType.Real => ColumnNumbers.AsReal(value),
            ColumnType.Boolean => value is bool b ? (b ? 1L : 0L) : null,
            ColumnType.DateTime => value switch
            {
                DateTimeOffset instant => instant.ToUnixTimeMilliseconds(),
                DateTime { Kind: DateTimeKind.Utc } utc => new DateTimeOffset(utc).ToUnixTimeMilliseconds(),
                _ => null,
            },
            ColumnType.Dynamic => value switch
            {
                JsonNode node => node.ToJsonString(JsonStorage),
                JsonElement { ValueKind: not JsonValueKind.Undefined } element => JsonSerializer.Serialize(element, JsonStorage),
                _ => null,
            },
            ColumnType.Guid => value is Guid guid ? guid.ToString("D", CultureInfo.InvariantCulture) : null,
            _ => null,
        };

        return stored ?? throw new ArgumentException(
            $"A value does not fit its column type. Column {table.Name}.{column.Name} is {column.Type}; got {value.GetType().Name} '{Convert.ToString(value, CultureInfo.InvariantCulture)}'.",
            nameof(value));
    }

    /// <summary>The CLR value of column <paramref name="ordinal"/> of the current row, typed as <see cref="ColumnType"/> documents.</summary>
    public static object? FromStorage(SqliteDataReader reader, int ordinal, ColumnType type)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        // Every arm is cast to object: otherwise the switch takes JsonNode as its type (JsonNode converts
        // implicitly from string, int, bool and the rest) and every value would come back as a JsonNode.
        return type switch
        {
            ColumnType.String => (object)reader.GetString(ordinal),
            ColumnType.Int => checked((int)reader.GetInt64(ordinal)),
            ColumnType.Long => reader.GetInt64(ordinal),
            ColumnType.Real => reader.GetDouble(ordinal),
            ColumnType.Boolean => reader.GetInt64(ordinal) != 0,
            ColumnType.DateTime => DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal)),
            ColumnType.Dynamic => JsonNode.Parse(reader.GetString(ordinal)),
            ColumnType.Guid => Guid.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown column type."),
        };
    }
}
