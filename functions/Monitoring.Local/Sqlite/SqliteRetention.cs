using Microsoft.Data.Sqlite;
using Monitoring.Core.Results;

namespace Monitoring.Local.Sqlite;

/// <summary>Deletes result rows older than <see cref="SqliteStoreOptions.Retention"/> from every monitor table.</summary>
public sealed class SqliteRetention
{
    private readonly SqliteDatabase _database;

    /// <summary>Retention for <paramref name="database"/>, using its <see cref="SqliteStoreOptions.Retention"/>.</summary>
    public SqliteRetention(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <summary>Deletes rows whose TimeGenerated is before <paramref name="now"/> minus the retention; returns how many were deleted.</summary>
    /// <remarks>The file does not shrink; SQLite reuses the freed pages for new rows.</remarks>
    public async Task<int> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = (now - _database.Options.Retention).ToUnixTimeMilliseconds();
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var deleted = 0;
        foreach (var table in MonitorTables.All)
        {
            using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = $"DELETE FROM {SqliteSchema.Quote(table.Name)} WHERE {SqliteSchema.Quote(SqliteSchema.TimeColumn)} < $cutoff;";
            delete.Parameters.AddWithValue("$cutoff", cutoff);
            deleted += await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }
}
