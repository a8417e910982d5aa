using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Monitoring.Core.Ports;
using Monitoring.Core.State;

namespace Monitoring.Local.Sqlite;

/// <summary>
/// Key-value state in the embedded SQLite database with optimistic concurrency. Each conditional write is one
/// statement whose condition SQLite checks under its write lock, so instances sharing the file never both win.
/// </summary>
public sealed class SqliteStateStore : IStateStore
{
    private const string SelectColumns = """SELECT "Partition", "Key", "Value", "ETag", "UpdatedAt" FROM "State" """;

    private const string InsertIfAbsentSql = """
        INSERT INTO "State" ("Partition", "Key", "Value", "ETag", "UpdatedAt") VALUES ($partition, $key, $value, $etag, $updatedAt)
        ON CONFLICT ("Partition", "Key") DO NOTHING;
        """;

    private const string ReplaceIfMatchSql = """
        UPDATE "State" SET "Value" = $value, "ETag" = $etag, "UpdatedAt" = $updatedAt
        WHERE "Partition" = $partition AND "Key" = $key AND "ETag" = $ifMatch;
        """;

    private const string UpsertSql = """
        INSERT INTO "State" ("Partition", "Key", "Value", "ETag", "UpdatedAt") VALUES ($partition, $key, $value, $etag, $updatedAt)
        ON CONFLICT ("Partition", "Key") DO UPDATE SET "Value" = excluded."Value", "ETag" = excluded."ETag", "UpdatedAt" = excluded."UpdatedAt";
        """;

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _timeProvider;

    /// <summary>A state store on <paramref name="database"/>, which must be initialized before the first call.</summary>
    /// <param name="database">The database file.</param>
    /// <param name="timeProvider">Stamps <see cref="StateEntry.UpdatedAt"/>; defaults to the system clock.</param>
    public SqliteStateStore(SqliteDatabase database, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public async Task<StateEntry?> GetAsync(string partition, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partition);
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        using var query = connection.CreateCommand();
        query.CommandText = SelectColumns + """WHERE "Partition" = $partition AND "Key" = $key;""";
        query.Parameters.AddWithValue("$partition", partition);
        query.Parameters.AddWithValue("$key", key);
        using var reader = await query.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadEntry(reader) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StateEntry>> ListAsync(string partition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partition);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        using var query = connection.CreateCommand();
        query.CommandText = SelectColumns + """WHERE "Partition" = $partition;""";
        query.Parameters.AddWithValue("$partition", partition);
        var entries = new List<StateEntry>();
        using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(ReadEntry(reader));
        }

        // SQLite orders text by UTF-8 bytes, which differs from .NET ordinal (UTF-16) order above U+FFFF.
        entries.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return entries;
    }

    /// <inheritdoc />
    public async Task<StateEntry?> TryWriteAsync(string partition, string key, string value, StateWriteCondition condition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partition);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(condition);

        // Stored to the millisecond, so the entry returned here equals the one read back later.
        var updatedAt = DateTimeOffset.FromUnixTimeMilliseconds(_timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        var entry = new StateEntry(partition, key, value, NewETag(), updatedAt);

        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        using var write = connection.CreateCommand();
        write.CommandText = condition switch
        {
            { MustBeAbsent: true } => InsertIfAbsentSql,
            { IfMatchETag: not null } => ReplaceIfMatchSql,
            _ => UpsertSql,
        };
        write.Parameters.AddWithValue("$partition", partition);
        write.Parameters.AddWithValue("$key", key);
        write.Parameters.AddWithValue("$value", value);
        write.Parameters.AddWithValue("$etag", entry.ETag);
        write.Parameters.AddWithValue("$updatedAt", updatedAt.ToUnixTimeMilliseconds());
        if (condition.IfMatchETag is { } ifMatch)
        {
            write.Parameters.AddWithValue("$ifMatch", ifMatch);
        }

        var written = await write.ExecuteNonQueryAsync(cancellationToken);
        return written == 1 ? entry : null;
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string partition, string key, string? ifMatchETag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partition);
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        using var delete = connection.CreateCommand();
        delete.CommandText = ifMatchETag is null
            ? """DELETE FROM "State" WHERE "Partition" = $partition AND "Key" = $key;"""
            : """DELETE FROM "State" WHERE "Partition" = $partition AND "Key" = $key AND "ETag" = $ifMatch;""";
        delete.Parameters.AddWithValue("$partition", partition);
        delete.Parameters.AddWithValue("$key", key);
        if (ifMatchETag is not null)
        {
            delete.Parameters.AddWithValue("$ifMatch", ifMatchETag);
        }

        return await delete.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    // 128 random bits: a writer cannot guess or reuse another write's tag, unlike a counter or timestamp.
    private static string NewETag() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static StateEntry ReadEntry(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)));
}
