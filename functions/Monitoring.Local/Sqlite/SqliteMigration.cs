using Microsoft.Data.Sqlite;

namespace Monitoring.Local.Sqlite;

/// <summary>One numbered schema change; applied once, in order, inside the initialization transaction.</summary>
/// <param name="Version">The schema version the database has after this migration; numbers start at 1 and never change.</param>
/// <param name="Description">What it changes, recorded in the SchemaVersion table.</param>
/// <param name="ApplyAsync">Makes the change on the given connection and transaction.</param>
internal sealed record SqliteMigration(
    int Version,
    string Description,
    Func<SqliteConnection, SqliteTransaction, CancellationToken, Task> ApplyAsync)
{
    /// <summary>A migration that runs fixed SQL.</summary>
    public static SqliteMigration Sql(int version, string description, string sql) =>
        new(version, description, (connection, transaction, ct) => SqliteSchema.ExecuteAsync(connection, transaction, sql, ct));
}
