using System.Collections.Immutable;
using System.Globalization;
using Monitoring.Core.DataChecks;
using Monitoring.Core.DataSources;
using Monitoring.Core.Secrets;

namespace Monitoring.Azure.DataSources;

/// <summary>
/// Reads the observation parts out of a KQL answer, for <see cref="KqlDataSource"/> and <see cref="AdfDataSource"/>.
/// A column that is missing, or holds the wrong type, fails as a <see cref="DataSourceErrorKind.Response"/> error
/// naming it; a table with no columns at all is what the service answers when it found nothing.
/// </summary>
internal static class KqlAnswers
{
    // ADF (and other Windows-born logs) write 1601-01-01, the FILETIME epoch, for "not yet": no real run is that old.
    private static readonly DateTimeOffset Placeholder = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const int MaxErrorLength = 500;

    /// <summary>The first row's <c>LastUpdated</c>, <c>RowCount</c> and <c>Bytes</c>; rows 0 and nothing else when the answer has no row.</summary>
    public static (DateTimeOffset? LastUpdated, DataVolume Volume) Counts(KqlTable table, string what, bool needsLastUpdated, bool needsRows)
    {
        if (table.Columns.IsEmpty)
        {
            return (null, new DataVolume(0, null));
        }

        var required = new List<string>();
        if (needsLastUpdated)
        {
            required.Add("LastUpdated");
        }

        if (needsRows)
        {
            required.Add("RowCount");
        }

        Require(table, what, required);
        if (table.Rows.IsEmpty)
        {
            return (null, new DataVolume(0, null));
        }

        var lastUpdated = Has(table, "LastUpdated") ? Instant(table, 0, "LastUpdated", what) : null;
        var rows = Has(table, "RowCount") ? Count(table, 0, "RowCount", what) ?? 0 : 0;
        var bytes = Has(table, "Bytes") ? Count(table, 0, "Bytes", what) : null;
        return (lastUpdated, new DataVolume(rows, bytes));
    }

    /// <summary>
    /// The schema: the rows of <c>ColumnName</c> and <c>ColumnType</c> (or <c>DataType</c>) when the answer has them, as
    /// <c>getschema</c> answers; otherwise the answer's own columns. Types are lower-case KQL type names.
    /// </summary>
    public static ImmutableArray<SchemaColumn> Schema(KqlTable table, string what)
    {
        if (Has(table, "ColumnName") && (Has(table, "ColumnType") || Has(table, "DataType")))
        {
            var typeColumn = Has(table, "ColumnType") ? "ColumnType" : "DataType";
            return [.. table.Rows.Select((_, row) => new SchemaColumn(
                Text(table, row, "ColumnName", what) ?? throw Wrong(what, "ColumnName", "a column name", null),
                TypeName(Text(table, row, typeColumn, what) ?? throw Wrong(what, typeColumn, "a type name", null))))];
        }

        return [.. table.Columns.Select(c => new SchemaColumn(c.Name, TypeName(c.Type)))];
    }

    /// <summary>
    /// Pipeline runs: rows of <c>PipelineName</c>, <c>RunId</c>, <c>Status</c>, <c>Start</c> and <c>End</c>, with
    /// <c>FailureType</c> and <c>Error</c> (or <c>ErrorMessage</c>) when present, redacted and kept to one line. A run
    /// with several rows is its row with the latest <c>TimeGenerated</c> (the last row without that column). Ordered by
    /// pipeline, then start.
    /// </summary>
    public static ImmutableArray<PipelineRun> Runs(KqlTable table, string what, SecretRedactor redactor)
    {
        if (table.Columns.IsEmpty)
        {
            return [];
        }

        Require(table, what, ["PipelineName", "RunId", "Status", "Start", "End"]);
        var errorColumn = Has(table, "Error") ? "Error" : Has(table, "ErrorMessage") ? "ErrorMessage" : null;
        var latest = new Dictionary<string, (DateTimeOffset? At, PipelineRun Run)>(StringComparer.Ordinal);
        for (var row = 0; row < table.Rows.Length; row++)
        {
            var runId = Text(table, row, "RunId", what) ?? throw Wrong(what, "RunId", "a run id", null);
            var raw = Text(table, row, "Status", what) ?? string.Empty;
            var failure = Has(table, "FailureType") ? Text(table, row, "FailureType", what) : null;
            var message = errorColumn is null ? null : Text(table, row, errorColumn, what);
            var run = new PipelineRun(
                Text(table, row, "PipelineName", what) ?? string.Empty,
                runId,
                Status(raw),
                raw,
                Real(Instant(table, row, "Start", what)),
                Real(Instant(table, row, "End", what)),
                Error(failure, message, redactor));
            var at = Has(table, "TimeGenerated") ? Instant(table, row, "TimeGenerated", what) : null;
            if (!latest.TryGetValue(runId, out var seen) || seen.At is null || at is null || at >= seen.At)
            {
                latest[runId] = (at, run);
            }
        }

        return [.. latest.Values.Select(v => v.Run)
            .OrderBy(r => r.Pipeline, StringComparer.Ordinal)
            .ThenBy(r => r.Start ?? DateTimeOffset.MaxValue)
            .ThenBy(r => r.RunId, StringComparer.Ordinal)];
    }

    /// <summary>
    /// A status as the rules read it: Succeeded; Failed; Cancelled (also Canceled, Cancelling); Running (also Queued,
    /// InProgress); anything else is Failed, with the source's word kept as the raw status.
    /// </summary>
    public static PipelineRunStatus Status(string raw) => raw.Trim().ToUpperInvariant() switch
    {
        "SUCCEEDED" or "SUCCESS" => PipelineRunStatus.Succeeded,
        "CANCELLED" or "CANCELED" or "CANCELLING" or "CANCELING" => PipelineRunStatus.Cancelled,
        "QUEUED" or "INPROGRESS" or "RUNNING" => PipelineRunStatus.Running,
        _ => PipelineRunStatus.Failed,
    };

    private static string? Error(string? failureType, string? message, SecretRedactor redactor)
    {
        var text = (string.IsNullOrWhiteSpace(failureType), string.IsNullOrWhiteSpace(message)) switch
        {
            (true, true) => null,
            (false, true) => failureType,
            (true, false) => message,
            (false, false) => $"{failureType}: {message}",
        };
        if (text is null)
        {
            return null;
        }

        // Redacted before it is cut, so a cut can never keep half a secret.
        text = string.Join(' ', redactor.Redact(text)!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength] + "…";
    }

    private static DateTimeOffset? Real(DateTimeOffset? instant) => instant is { } value && value < Placeholder ? null : instant;

    // .NET type names (getschema's DataType) and the Query API's names, as KQL writes them.
    private static string TypeName(string type) => type.Trim().ToLowerInvariant() switch
    {
        "system.string" => "string",
        "system.int64" => "long",
        "system.int32" => "int",
        "system.double" or "system.single" => "real",
        "system.datetime" => "datetime",
        "system.timespan" => "timespan",
        "system.boolean" or "system.sbyte" or "boolean" => "bool",
        "system.guid" => "guid",
        "system.object" => "dynamic",
        "system.data.sqltypes.sqldecimal" or "system.decimal" => "decimal",
        var other => other,
    };

    private static bool Has(KqlTable table, string column) => Index(table, column) >= 0;

    private static int Index(KqlTable table, string column)
    {
        for (var i = 0; i < table.Columns.Length; i++)
        {
            if (string.Equals(table.Columns[i].Name, column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static void Require(KqlTable table, string what, IEnumerable<string> columns)
    {
        var missing = columns.Where(c => !Has(table, c)).ToList();
        if (missing.Count > 0)
        {
            throw new DataSourceException(DataSourceErrorKind.Response,
                $"{what} answered no {string.Join(", ", missing)} column{(missing.Count == 1 ? string.Empty : "s")}; it answered {(table.Columns.IsEmpty ? "none" : string.Join(", ", table.Columns.Select(c => c.Name)))}.");
        }
    }

    private static object? Value(KqlTable table, int row, string column) => table.Rows[row][Index(table, column)];

    private static DateTimeOffset? Instant(KqlTable table, int row, string column, string what) => Value(table, row, column) switch
    {
        null => null,
        DateTimeOffset instant => instant,
        var other => throw Wrong(what, column, "a datetime", other),
    };

    private static long? Count(KqlTable table, int row, string column, string what) => Value(table, row, column) switch
    {
        null => null,
        long count => count,
        double real when double.IsFinite(real) && real == Math.Floor(real) && Math.Abs(real) < 9e15 => (long)real,
        var other => throw Wrong(what, column, "a whole number (long)", other),
    };

    private static string? Text(KqlTable table, int row, string column, string what) => Value(table, row, column) switch
    {
        null => null,
        string text => text,
        Guid id => id.ToString(),
        var other => throw Wrong(what, column, "a string", other),
    };

    private static DataSourceException Wrong(string what, string column, string expected, object? value) =>
        new(DataSourceErrorKind.Response, string.Create(CultureInfo.InvariantCulture,
            $"{what} answered {(value is null ? "null" : value.GetType().Name)} in column {column}, which must hold {expected}."));
}
