using System.Globalization;
using Monitoring.Core.DataChecks;

namespace Monitoring.Functions.DataSources;

/// <summary>Reads the cells the SQL source's queries answer; a value of the wrong type is a <see cref="DataSourceErrorKind.Response"/> failure.</summary>
internal static class SqlValues
{
    /// <summary>
    /// A timestamp cell: timestamptz and datetimeoffset as they are, timestamp and datetime2 (no zone) taken as UTC,
    /// text when it is ISO 8601 with an offset; null for SQL NULL.
    /// </summary>
    public static DateTimeOffset? Timestamp(object? value, string column) => value switch
    {
        null => null,
        DateTimeOffset offset => offset.ToUniversalTime(),
        DateTime { Kind: DateTimeKind.Local } local => new DateTimeOffset(local.ToUniversalTime(), TimeSpan.Zero),
        DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        string text when Timestamps.TryParseIso(text, out var parsed) => parsed,
        _ => throw WrongType(column, value, "a timestamp"),
    };

    /// <summary>A count cell (rows or bytes): any integer type, or a whole decimal or floating number; null for SQL NULL.</summary>
    public static long? Count(object? value, string column)
    {
        try
        {
            return value switch
            {
                null => null,
                long l => l,
                int i => i,
                short s => s,
                byte b => b,
                sbyte sb => sb,
                uint ui => ui,
                ushort us => us,
                ulong ul => checked((long)ul),
                decimal d when d == decimal.Truncate(d) => checked((long)d),
                double f when f == Math.Truncate(f) => checked((long)f),
                float f when f == MathF.Truncate(f) => checked((long)f),
                _ => throw WrongType(column, value, "a whole number"),
            };
        }
        catch (OverflowException)
        {
            throw WrongType(column, value!, "a whole number that fits in 64 bits");
        }
    }

    /// <summary>A text cell (names, types, statuses, ids): strings as they are, numbers and GUIDs in invariant form.</summary>
    public static string Text(object? value, string column) => value switch
    {
        null => throw new DataSourceException(DataSourceErrorKind.Response, $"column '{column}' is NULL"),
        string text => text,
        Guid or long or int or short or decimal => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        _ => throw WrongType(column, value, "text"),
    };

    private static DataSourceException WrongType(string column, object value, string expected) =>
        new(DataSourceErrorKind.Response, $"column '{column}' holds a {value.GetType().Name}, not {expected}");
}
