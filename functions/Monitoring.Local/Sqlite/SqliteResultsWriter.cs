using Microsoft.Data.Sqlite;
using Monitoring.Core.Ports;
using Monitoring.Core.Results;

namespace Monitoring.Local.Sqlite;

/// <summary>Appends monitor-table rows to the embedded SQLite database, one transaction per batch.</summary>
public sealed class SqliteResultsWriter : IResultsWriter
{
    private readonly SqliteDatabase _database;

    /// <summary>A writer on <paramref name="database"/>, which must be initialized before the first append.</summary>
    public SqliteResultsWriter(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Every value is checked against its column type before anything is written, so a bad batch
    /// writes nothing and fails with <see cref="ArgumentException"/>; so does a batch mixing tables.
    /// </remarks>
    public async Task AppendAsync(IReadOnlyList<TableRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        var (table, values) = SqliteTableRows.ToStorage(rows);

        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText =
            $"INSERT INTO {SqliteSchema.Quote(table.Name)} ({SqliteSchema.ColumnList(table)}) " +
            $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i))});";
        var parameters = new SqliteParameter[table.Columns.Length];
        for (var c = 0; c < parameters.Length; c++)
        {
            parameters[c] = insert.Parameters.Add("$p" + c, SqliteColumnValues.StorageType(table.Columns[c].Type));
        }

        await insert.PrepareAsync(cancellationToken);
        foreach (var row in values)
        {
            for (var c = 0; c < parameters.Length; c++)
            {
                parameters[c].Value = row[c];
            }

            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
