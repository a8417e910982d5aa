using Monitoring.Core.Notifications;
using Monitoring.Core.Ports;
using Monitoring.Core.Results;

namespace Monitoring.Local.Sqlite;

/// <summary>Reads the delivery log from the embedded SQLite database.</summary>
public sealed class SqliteDeliveryLog : IDeliveryLog
{
    private static readonly TableDefinition Table = MonitorTables.Delivery;

    // rowid breaks ties between deliveries started in the same millisecond: the later insert counts as newer.
    private static readonly string RecentSql = $"""
        SELECT {SqliteSchema.ColumnList(Table)} FROM {SqliteSchema.Quote(Table.Name)}
        ORDER BY {SqliteSchema.Quote(SqliteSchema.TimeColumn)} DESC, rowid DESC
        LIMIT $limit;
        """;

    private readonly SqliteDatabase _database;

    /// <summary>A log read from <paramref name="database"/>, which must be initialized before the first read.</summary>
    public SqliteDeliveryLog(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DeliveryLogEntry>> ReadRecentAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        using var query = connection.CreateCommand();
        query.CommandText = RecentSql;
        query.Parameters.AddWithValue("$limit", limit);
        var entries = new List<DeliveryLogEntry>();
        using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(DeliveryRows.FromRow(SqliteTableRows.Read(reader, Table)));
        }

        return entries;
    }
}
