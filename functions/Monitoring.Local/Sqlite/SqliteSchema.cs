using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Monitoring.Core.Results;

namespace Monitoring.Local.Sqlite;

/// <summary>
/// The SQLite schema: result tables generated from <see cref="MonitorTables"/> (same names and
/// columns as in Log Analytics) and the state table.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>The state table used by <see cref="SqliteStateStore"/>.</summary>
    public const string StateTable = "State";

    /// <summary>The column the "latest runs per check" queries partition by.</summary>
    public const string CheckNameColumn = "CheckName";

    /// <summary>The time column every monitor table starts with.</summary>
    public const string TimeColumn = "TimeGenerated";

    /// <summary>Creates the state table.</summary>
    public static string CreateStateTableSql { get; } = $"""
        CREATE TABLE IF NOT EXISTS "{StateTable}" (
            "Partition" TEXT NOT NULL,
            "Key" TEXT NOT NULL,
            "Value" TEXT NOT NULL,
            "ETag" TEXT NOT NULL,
            "UpdatedAt" INTEGER NOT NULL,
            PRIMARY KEY ("Partition", "Key")
        ) STRICT, WITHOUT ROWID;
        """;

    /// <summary>
    /// Creates the tables of <see cref="SqliteRowSpool"/>: the rows, ordered by a sequence that AUTOINCREMENT never
    /// reuses (so acknowledging a stale read can never delete a newer row), and the drop counts per stream.
    /// The index covers the bound's count and sum per stream.
    /// </summary>
    public static string CreateSpoolTablesSql { get; } = """
        CREATE TABLE IF NOT EXISTS "Spool" (
            "Sequence" INTEGER PRIMARY KEY AUTOINCREMENT,
            "Stream" TEXT NOT NULL,
            "SpooledAt" INTEGER NOT NULL,
            "Bytes" INTEGER NOT NULL,
            "Row" TEXT NOT NULL
        ) STRICT;
        CREATE INDEX IF NOT EXISTS "IX_Spool_Stream_Sequence" ON "Spool" ("Stream", "Sequence", "Bytes");
        CREATE TABLE IF NOT EXISTS "SpoolDropped" (
            "Stream" TEXT NOT NULL PRIMARY KEY,
            "Rows" INTEGER NOT NULL
        ) STRICT, WITHOUT ROWID;
        """;

    /// <summary>Creates <paramref name="table"/> and its indexes unless they exist.</summary>
    public static string CreateResultTableSql(TableDefinition table)
    {
        // STRICT makes SQLite reject a value of the wrong storage class instead of silently keeping it.
        var sql = new StringBuilder();
        sql.Append(CultureInfo.InvariantCulture, $"CREATE TABLE IF NOT EXISTS {Quote(table.Name)} (");
        for (var i = 0; i < table.Columns.Length; i++)
        {
            var column = table.Columns[i];
            sql.Append(i == 0 ? "\n    " : ",\n    ");
            sql.Append(ColumnSql(column));
            if (column.Name == TimeColumn)
            {
                sql.Append(" NOT NULL");
            }
        }

        sql.Append("\n) STRICT;\n");
        sql.Append(CultureInfo.InvariantCulture, $"CREATE INDEX IF NOT EXISTS {Quote($"IX_{table.Name}_{TimeColumn}")} ON {Quote(table.Name)} ({Quote(TimeColumn)});\n");
        if (table.Name == MonitorTables.CheckRun.Name)
        {
            sql.Append(CreateCheckNameIndexSql(table));
        }

        return sql.ToString();
    }

    /// <summary>
    /// Creates the (CheckName, TimeGenerated) index of <paramref name="table"/> unless it exists: the index the
    /// "latest runs per check" and SLI queries read one check's time range by.
    /// </summary>
    public static string CreateCheckNameIndexSql(TableDefinition table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"CREATE INDEX IF NOT EXISTS {Quote($"IX_{table.Name}_{CheckNameColumn}_{TimeColumn}")} ON {Quote(table.Name)} ({Quote(CheckNameColumn)}, {Quote(TimeColumn)});\n");
    }

    /// <summary>
    /// Creates missing result tables and adds columns that <see cref="MonitorTables"/> gained since the file was
    /// created. Monitor tables only ever grow (as Log Analytics custom tables do), so new columns need no numbered
    /// migration; existing rows read them as null.
    /// </summary>
    public static async Task EnsureResultTablesAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        foreach (var table in MonitorTables.All)
        {
            await ExecuteAsync(connection, transaction, CreateResultTableSql(table), cancellationToken);
            var existing = await ColumnNamesAsync(connection, transaction, table.Name, cancellationToken);
            foreach (var column in table.Columns.Where(c => !existing.Contains(c.Name)))
            {
                await ExecuteAsync(connection, transaction, $"ALTER TABLE {Quote(table.Name)} ADD COLUMN {ColumnSql(column)};", cancellationToken);
            }
        }
    }

    /// <summary>The column names of <paramref name="table"/>, in order.</summary>
    public static async Task<List<string>> ColumnNamesAsync(SqliteConnection connection, SqliteTransaction? transaction, string table, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT name FROM pragma_table_info($table) ORDER BY cid;";
        command.Parameters.AddWithValue("$table", table);
        var names = new List<string>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>A double-quoted SQL identifier. Identifiers come from code-defined tables, never from input.</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The comma-separated quoted column list of <paramref name="table"/>.</summary>
    public static string ColumnList(TableDefinition table, string? alias = null)
    {
        var prefix = alias is null ? string.Empty : alias + ".";
        return string.Join(", ", table.Columns.Select(c => prefix + Quote(c.Name)));
    }

    /// <summary>Runs <paramref name="sql"/> (one or more statements) inside <paramref name="transaction"/>.</summary>
    public static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string ColumnSql(ColumnDefinition column) => $"{Quote(column.Name)} {SqliteColumnValues.DeclaredType(column.Type)}";
}
