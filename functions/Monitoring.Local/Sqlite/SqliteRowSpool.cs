using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Monitoring.Core.Ports;
using Monitoring.Core.Spool;

namespace Monitoring.Local.Sqlite;

/// <summary>
/// <see cref="IRowSpool"/> in the embedded SQLite database. An append is one transaction: the rows, then, when the
/// stream passes its bound, the deletion of its oldest rows and their count. Instances sharing the file take turns
/// under SQLite's write lock, so the bound and the counts hold across them.
/// </summary>
public sealed class SqliteRowSpool : IRowSpool
{
    // The newest rows that fit the bound stay; everything older is one contiguous run, so its newest sequence is the cut.
    private const string OverflowSql = """
        SELECT MAX("Sequence"), COUNT(*) FROM (
            SELECT "Sequence",
                   ROW_NUMBER() OVER (ORDER BY "Sequence" DESC) AS "Newer",
                   SUM("Bytes") OVER (ORDER BY "Sequence" DESC) AS "NewerBytes"
            FROM "Spool" WHERE "Stream" = $stream)
        WHERE "Newer" > $maxRows OR "NewerBytes" > $maxBytes;
        """;

    private readonly SqliteDatabase _database;
    private readonly RowSpoolBound _bound;
    private readonly TimeProvider _timeProvider;

    /// <summary>A spool on <paramref name="database"/>, which must be initialized before the first call.</summary>
    /// <param name="database">The database file.</param>
    /// <param name="bound">The most each stream holds; <see cref="RowSpoolBound.Default"/> when null.</param>
    /// <param name="timeProvider">Stamps <see cref="SpooledRow.SpooledAt"/>; defaults to the system clock.</param>
    public SqliteRowSpool(SqliteDatabase database, RowSpoolBound? bound = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _bound = bound ?? RowSpoolBound.Default;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public RowSpoolBound Bound => _bound;

    /// <inheritdoc />
    public async Task AppendAsync(string stream, IReadOnlyList<string> rows, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(stream);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i] is null)
            {
                throw new ArgumentException($"Spooled rows must not be null. Row {i} for stream {stream} is null.", nameof(rows));
            }
        }

        var spooledAt = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """INSERT INTO "Spool" ("Stream", "SpooledAt", "Bytes", "Row") VALUES ($stream, $spooledAt, $bytes, $row);""";
            insert.Parameters.AddWithValue("$stream", stream);
            insert.Parameters.AddWithValue("$spooledAt", spooledAt);
            var bytes = insert.Parameters.Add("$bytes", SqliteType.Integer);
            var text = insert.Parameters.Add("$row", SqliteType.Text);
            await insert.PrepareAsync(cancellationToken);
            foreach (var row in rows)
            {
                bytes.Value = (long)Encoding.UTF8.GetByteCount(row);
                text.Value = row;
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await DropOverflowAsync(connection, transaction, stream, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> StreamsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        using var query = connection.CreateCommand();
        query.CommandText = """SELECT DISTINCT "Stream" FROM "Spool";""";
        var streams = new List<string>();
        using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            streams.Add(reader.GetString(0));
        }

        streams.Sort(StringComparer.Ordinal);
        return streams;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SpooledRow>> ReadOldestAsync(string stream, int maxRows, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRows);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        using var query = connection.CreateCommand();
        query.CommandText = """SELECT "Sequence", "Row", "SpooledAt" FROM "Spool" WHERE "Stream" = $stream ORDER BY "Sequence" LIMIT $limit;""";
        query.Parameters.AddWithValue("$stream", stream);
        query.Parameters.AddWithValue("$limit", maxRows);
        var rows = new List<SpooledRow>();
        using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new SpooledRow(
                reader.GetInt64(0).ToString(CultureInfo.InvariantCulture),
                reader.GetString(1),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2))));
        }

        return rows;
    }

    /// <inheritdoc />
    public async Task AcknowledgeAsync(string stream, IReadOnlyList<SpooledRow> rows, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(stream);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        using var delete = connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = """DELETE FROM "Spool" WHERE "Sequence" = $sequence AND "Stream" = $stream;""";
        delete.Parameters.AddWithValue("$stream", stream);
        var sequence = delete.Parameters.Add("$sequence", SqliteType.Integer);
        await delete.PrepareAsync(cancellationToken);
        foreach (var row in rows)
        {
            ArgumentNullException.ThrowIfNull(row, nameof(rows));
            if (!long.TryParse(row.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                throw new ArgumentException($"A row id must be one this spool gave out. Got '{row.Id}' for stream {stream}.", nameof(rows));
            }

            sequence.Value = id;
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<SpoolSize> SizeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        using var query = connection.CreateCommand();
        query.CommandText = """
            SELECT s."Stream", COALESCE(h."Rows", 0), COALESCE(h."Bytes", 0), h."Oldest", COALESCE(d."Rows", 0)
            FROM (SELECT "Stream" FROM "Spool" UNION SELECT "Stream" FROM "SpoolDropped") AS s
            LEFT JOIN (SELECT "Stream", COUNT(*) AS "Rows", SUM("Bytes") AS "Bytes", MIN("SpooledAt") AS "Oldest" FROM "Spool" GROUP BY "Stream") AS h ON h."Stream" = s."Stream"
            LEFT JOIN "SpoolDropped" AS d ON d."Stream" = s."Stream";
            """;
        var streams = new List<StreamSpoolSize>();
        using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            streams.Add(new StreamSpoolSize(
                reader.GetString(0),
                reader.GetInt64(1),
                reader.GetInt64(2),
                reader.IsDBNull(3) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                reader.GetInt64(4)));
        }

        return new SpoolSize([.. streams.OrderBy(s => s.Stream, StringComparer.Ordinal)]);
    }

    private async Task DropOverflowAsync(SqliteConnection connection, SqliteTransaction transaction, string stream, CancellationToken cancellationToken)
    {
        long cut;
        long dropped;
        using (var overflow = connection.CreateCommand())
        {
            overflow.Transaction = transaction;
            overflow.CommandText = OverflowSql;
            overflow.Parameters.AddWithValue("$stream", stream);
            overflow.Parameters.AddWithValue("$maxRows", _bound.MaxRows);
            overflow.Parameters.AddWithValue("$maxBytes", _bound.MaxBytes);
            using var reader = await overflow.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            dropped = reader.GetInt64(1);
            if (dropped == 0)
            {
                return;
            }

            cut = reader.GetInt64(0);
        }

        await ExecuteAsync(
            connection,
            transaction,
            """DELETE FROM "Spool" WHERE "Stream" = $stream AND "Sequence" <= $cut;""",
            cancellationToken,
            ("$stream", stream),
            ("$cut", cut));
        await ExecuteAsync(
            connection,
            transaction,
            """
            INSERT INTO "SpoolDropped" ("Stream", "Rows") VALUES ($stream, $dropped)
            ON CONFLICT ("Stream") DO UPDATE SET "Rows" = "Rows" + excluded."Rows";
            """,
            cancellationToken,
            ("$stream", stream),
            ("$dropped", dropped));
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
