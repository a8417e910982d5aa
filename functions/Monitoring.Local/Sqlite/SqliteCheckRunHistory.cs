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

    // A window function (ROW_NUMBER() OVER (PARTITION BY CheckName ...)) ranks every row of the table,
    // so it slows down as history grows: 61 ms at 100k rows. Instead the check names are walked through
    // the (CheckName, TimeGenerated) index one seek at a time, and each check reads only its newest
    // rows: the cost grows with the number of checks, not with the history (see docs/PERFORMANCE.md).
    private static readonly string RecentRunsByCheckSql = $"""
        WITH RECURSIVE checks(name) AS (
            SELECT MIN({CheckName}) FROM {SqliteSchema.Quote(Table.Name)}
            UNION ALL
            SELECT (SELECT MIN({CheckName}) FROM {SqliteSchema.Quote(Table.Name)} WHERE {CheckName} > checks.name)
            FROM checks WHERE checks.name IS NOT NULL
        )
        SELECT {Columns} FROM checks JOIN {SqliteSchema.Quote(Table.Name)} AS r ON r.rowid IN (
            SELECT rowid FROM {SqliteSchema.Quote(Table.Name)}
            WHERE {CheckName} = checks.name
            ORDER BY {Time} DESC, rowid DESC
            LIMIT $limit)
        ORDER BY r.{CheckName}, r.{Time} DESC, r.rowid DESC;
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
