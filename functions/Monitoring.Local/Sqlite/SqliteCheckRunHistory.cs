using Monitoring.Core.Checks;
using Monitoring.Core.Ports;
using Monitoring.Core.Results;

namespace Monitoring.Local.Sqlite;

/// <summary>Reads recent check runs back from the embedded SQLite database.</summary>
public sealed class SqliteCheckRunHistory : ICheckRunHistory
{
    private static readonly TableDefinition Table = MonitorTables.CheckRun;

    private static readonly string Columns = SqliteSchema.ColumnList(Table, "r");

    private static readonly string Time = SqliteSchema.Quote(SqliteSchema.TimeColumn);

    private static readonly string CheckName = SqliteSchema.Quote(SqliteSchema.CheckNameColumn);

    // rowid breaks ties between runs with the same start time: the later insert counts as newer.
    private static readonly string RecentRunsSql = $"""
        SELECT {Columns} FROM {SqliteSchema.Quote(Table.Name)} AS r
        WHERE r.{CheckName} = $checkName
        ORDER BY r.{Time} DESC, r.rowid DESC
        LIMIT $limit;
        """;

    // The window runs over the (CheckName, TimeGenerated) index alone (it covers rowid too), so only
    // the rows that make the cut are read from the table.
    private static readonly string RecentRunsByCheckSql = $"""
        WITH ranked AS (
            SELECT rowid AS id, ROW_NUMBER() OVER (PARTITION BY {CheckName} ORDER BY {Time} DESC, rowid DESC) AS rank
            FROM {SqliteSchema.Quote(Table.Name)}
        )
        SELECT {Columns} FROM ranked JOIN {SqliteSchema.Quote(Table.Name)} AS r ON r.rowid = ranked.id
        WHERE ranked.rank <= $limit
        ORDER BY r.{CheckName}, ranked.rank;
        """;

    private readonly SqliteDatabase _database;

    /// <summary>History read from <paramref name="database"/>, which must be initialized before the first read.</summary>
    public SqliteCheckRunHistory(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CheckRunResult>> GetRecentRunsAsync(string checkName, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkName);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        using var query = connection.CreateCommand();
        query.CommandText = RecentRunsSql;
        query.Parameters.AddWithValue("$checkName", checkName);
        query.Parameters.AddWithValue("$limit", limit);
        var runs = new List<CheckRunResult>();
        using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(CheckRunRows.FromRow(SqliteTableRows.Read(reader, Table)));
        }

        return runs;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<CheckRunResult>>> GetRecentRunsByCheckAsync(int limitPerCheck, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limitPerCheck);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        using var query = connection.CreateCommand();
        query.CommandText = RecentRunsByCheckSql;
        query.Parameters.AddWithValue("$limit", limitPerCheck);
        var runsByCheck = new Dictionary<string, List<CheckRunResult>>(StringComparer.Ordinal);
        using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var run = CheckRunRows.FromRow(SqliteTableRows.Read(reader, Table));
            if (!runsByCheck.TryGetValue(run.CheckName, out var runs))
            {
                runs = [];
                runsByCheck.Add(run.CheckName, runs);
            }

            runs.Add(run);
        }

        return runsByCheck.ToDictionary(p => p.Key, p => (IReadOnlyList<CheckRunResult>)p.Value, StringComparer.Ordinal);
    }
}
