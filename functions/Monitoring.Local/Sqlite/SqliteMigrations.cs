using Monitoring.Core.Results;

namespace Monitoring.Local.Sqlite;

/// <summary>The schema migrations this code knows, in order. Append new ones; never edit or renumber a released one.</summary>
internal static class SqliteMigrations
{
    /// <summary>Every migration, ordered by version.</summary>
    public static IReadOnlyList<SqliteMigration> All { get; } =
    [
        new(1, "Create the monitor result tables and the state table", async (connection, transaction, ct) =>
        {
            foreach (var table in MonitorTables.All)
            {
                await SqliteSchema.ExecuteAsync(connection, transaction, SqliteSchema.CreateResultTableSql(table), ct);
            }

            await SqliteSchema.ExecuteAsync(connection, transaction, SqliteSchema.CreateStateTableSql, ct);
        }),
        SqliteMigration.Sql(2, "Create the row spool tables", SqliteSchema.CreateSpoolTablesSql),
        SqliteMigration.Sql(3, "Index data-check results by check and time", SqliteSchema.CreateCheckNameIndexSql(MonitorTables.DataCheck)),
    ];
}
