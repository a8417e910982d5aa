using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Monitoring.Azure.State;
using Monitoring.Core.Ports;
using Monitoring.Core.Spool;

namespace Monitoring.Azure.Ingestion;

/// <summary>
/// <see cref="IRowSpool"/> on Azure Tables (Azurite locally). Each stream is a partition: one entity per row, whose
/// RowKey (append time in milliseconds, the instance, a counter) orders the partition oldest first, so reading the
/// oldest rows is a range query; and one counters entity (rows, bytes, dropped) that every change of the partition
/// updates in the same entity group transaction, under its ETag. Counts and the bound therefore hold exactly, across
/// instances, without scanning. A separate partition lists the streams.
/// </summary>
/// <remarks>
/// Rows are JSON text in string properties of at most 30,000 characters (a property holds 32K UTF-16 characters),
/// split over up to 16 of them; a longer row is refused with <see cref="ArgumentException"/>, as it would not fit
/// the 1 MiB entity limit.
/// </remarks>
public sealed class TableRowSpool : IRowSpool
{
    /// <summary>The table's default name.</summary>
    public const string DefaultTableName = "MonitorSpool";

    /// <summary>The longest row this spool keeps, in UTF-16 characters.</summary>
    public const int MaxRowLength = ChunkLength * MaxChunks;

    private const int ChunkLength = 30_000;
    private const int MaxChunks = 16;
    private const string StreamsPartition = "streams";
    private const string StreamPartitionPrefix = "stream:";

    // Row keys start with digits; '~' sorts after all of them, so the counters never fall in a row range.
    private const string CountersKey = "~counters";
    private const string RowKeyEnd = "~";

    // A transaction holds at most 100 operations (one is the counters) and a 4 MiB body.
    private const int MaxRowsPerTransaction = 99;
    private const long MaxTransactionBytes = 3_500_000;

    private const int MaxAttempts = 30;

    private readonly TableClient _table;
    private readonly RowSpoolBound _bound;
    private readonly TimeProvider _timeProvider;
    private readonly Lazy<Task> _created;
    private readonly ConcurrentDictionary<string, bool> _listed = new(StringComparer.Ordinal);
    private readonly string _instance = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
    private readonly Lock _keyGate = new();
    private long _lastMilliseconds;
    private long _counter;

    /// <summary>Uses <paramref name="table"/>, creating it on first use if it does not exist.</summary>
    /// <param name="table">The spool's table (<see cref="DefaultTableName"/> by default); give it to nothing else.</param>
    /// <param name="bound">The most each stream holds; <see cref="RowSpoolBound.Default"/> when null.</param>
    /// <param name="timeProvider">Stamps <see cref="SpooledRow.SpooledAt"/>; defaults to the system clock.</param>
    public TableRowSpool(TableClient table, RowSpoolBound? bound = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        _table = table;
        _bound = bound ?? RowSpoolBound.Default;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _created = new Lazy<Task>(() => _table.CreateIfNotExistsAsync(), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <inheritdoc />
    public RowSpoolBound Bound => _bound;

    /// <inheritdoc />
    public async Task AppendAsync(string stream, IReadOnlyList<string> rows, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(stream);
        ArgumentNullException.ThrowIfNull(rows);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i] is null)
            {
                throw new ArgumentException($"Spooled rows must not be null. Row {i} for stream {stream} is null.", nameof(rows));
            }

            if (rows[i].Length > MaxRowLength)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"A row is longer than a table spool keeps ({MaxRowLength} characters). Row {i} for stream {stream} has {rows[i].Length}."),
                    nameof(rows));
            }
        }

        if (rows.Count == 0)
        {
            return;
        }

        await _created.Value.ConfigureAwait(false);
        await ListStreamAsync(stream, cancellationToken).ConfigureAwait(false);
        var partition = Partition(stream);
        var (spooledAt, keys) = NextKeys(rows.Count);
        var entities = new List<TableEntity>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            entities.Add(RowEntity(partition, keys[i], rows[i], spooledAt));
        }

        foreach (var chunk in Transactions(entities))
        {
            var bytes = chunk.Sum(e => e.GetInt64("Bytes") ?? 0);
            var first = true;
            await CommitWithCountersAsync(
                partition,
                async (counters, ct) =>
                {
                    // A retry after an answer that never arrived must not add the rows twice.
                    if (!first && (await _table.GetEntityIfExistsAsync<TableEntity>(partition, chunk[0].RowKey, ["RowKey"], ct).ConfigureAwait(false)).HasValue)
                    {
                        return null;
                    }

                    first = false;
                    return ([.. chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e))], counters with { Rows = counters.Rows + chunk.Count, Bytes = counters.Bytes + bytes });
                },
                cancellationToken).ConfigureAwait(false);
        }

        await DropOverflowAsync(partition, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> StreamsAsync(CancellationToken cancellationToken)
    {
        var sizes = await SizesAsync(withOldest: false, cancellationToken).ConfigureAwait(false);
        return [.. sizes.Where(s => s.Rows > 0).Select(s => s.Stream)];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SpooledRow>> ReadOldestAsync(string stream, int maxRows, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRows);
        await _created.Value.ConfigureAwait(false);
        var rows = new List<SpooledRow>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(RowsOf(Partition(stream)), Math.Min(maxRows, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new SpooledRow(entity.RowKey, ReadRow(entity), entity.GetDateTimeOffset("SpooledAt")!.Value.ToUniversalTime()));
            if (rows.Count == maxRows)
            {
                break;
            }
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

        await _created.Value.ConfigureAwait(false);
        var partition = Partition(stream);
        var keys = rows.Select(r => r?.Id ?? throw new ArgumentException("Acknowledged rows must not be null.", nameof(rows))).Order(StringComparer.Ordinal).ToList();
        for (var start = 0; start < keys.Count; start += MaxRowsPerTransaction)
        {
            var chunk = keys.GetRange(start, Math.Min(MaxRowsPerTransaction, keys.Count - start));
            await CommitWithCountersAsync(
                partition,
                async (counters, ct) =>
                {
                    // Another instance may have acknowledged (or the bound dropped) some of them: delete what is left.
                    var present = await PresentAsync(partition, chunk, ct).ConfigureAwait(false);
                    return present.Count == 0
                        ? null
                        : ([.. present.Select(p => Delete(partition, p.Key))], counters with { Rows = counters.Rows - present.Count, Bytes = counters.Bytes - present.Sum(p => p.Bytes) });
                },
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<SpoolSize> SizeAsync(CancellationToken cancellationToken) =>
        new([.. (await SizesAsync(withOldest: true, cancellationToken).ConfigureAwait(false)).Where(s => s.Rows > 0 || s.DroppedRows > 0)]);

    private static string Partition(string stream) => StreamPartitionPrefix + TableStateStore.Encode(stream);

    private static string RowsOf(string partition) => TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {RowKeyEnd}");

    private static TableTransactionAction Delete(string partition, string rowKey) =>
        new(TableTransactionActionType.Delete, new TableEntity(partition, rowKey), ETag.All);

    private static TableEntity RowEntity(string partition, string rowKey, string row, DateTimeOffset spooledAt)
    {
        var entity = new TableEntity(partition, rowKey)
        {
            ["SpooledAt"] = spooledAt,
            ["Bytes"] = (long)Encoding.UTF8.GetByteCount(row),
        };
        if (row.Length <= ChunkLength)
        {
            entity["Row"] = row;
            return entity;
        }

        var chunks = (row.Length + ChunkLength - 1) / ChunkLength;
        entity["Chunks"] = chunks;
        for (var i = 0; i < chunks; i++)
        {
            entity["Row" + i.ToString(CultureInfo.InvariantCulture)] = row.Substring(i * ChunkLength, Math.Min(ChunkLength, row.Length - (i * ChunkLength)));
        }

        return entity;
    }

    private static string ReadRow(TableEntity entity)
    {
        if (entity.GetInt32("Chunks") is not { } chunks)
        {
            return entity.GetString("Row") ?? string.Empty;
        }

        var builder = new StringBuilder();
        for (var i = 0; i < chunks; i++)
        {
            builder.Append(entity.GetString("Row" + i.ToString(CultureInfo.InvariantCulture)));
        }

        return builder.ToString();
    }

    // The service's batch body is JSON with non-ASCII and a few more characters escaped as \uXXXX: count them at six bytes.
    private static long EstimatedBytes(TableEntity entity)
    {
        long bytes = 1024;
        foreach (var (_, value) in entity)
        {
            if (value is string text)
            {
                foreach (var c in text)
                {
                    bytes += c is < (char)0x7F and not ('<' or '>' or '&' or '\'' or '"' or '\\' or '+' or '`') && !char.IsControl(c) ? 1 : 6;
                }
            }
        }

        return bytes;
    }

    private static IEnumerable<List<TableEntity>> Transactions(List<TableEntity> entities)
    {
        var chunk = new List<TableEntity>();
        long bytes = 0;
        foreach (var entity in entities)
        {
            var size = EstimatedBytes(entity);
            if (chunk.Count > 0 && (chunk.Count == MaxRowsPerTransaction || bytes + size > MaxTransactionBytes))
            {
                yield return chunk;
                chunk = [];
                bytes = 0;
            }

            chunk.Add(entity);
            bytes += size;
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    // Milliseconds never go back within an instance, so its rows keep their order even if the clock is set back.
    private (DateTimeOffset SpooledAt, string[] Keys) NextKeys(int count)
    {
        lock (_keyGate)
        {
            _lastMilliseconds = Math.Max(_lastMilliseconds, _timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
            var keys = new string[count];
            for (var i = 0; i < count; i++)
            {
                keys[i] = string.Create(CultureInfo.InvariantCulture, $"{_lastMilliseconds:D15}-{_instance}-{++_counter:D12}");
            }

            return (DateTimeOffset.FromUnixTimeMilliseconds(_lastMilliseconds), keys);
        }
    }

    private async Task ListStreamAsync(string stream, CancellationToken cancellationToken)
    {
        if (_listed.ContainsKey(stream))
        {
            return;
        }

        await _table.UpsertEntityAsync(new TableEntity(StreamsPartition, TableStateStore.Encode(stream)) { ["Stream"] = stream }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        _listed[stream] = true;
    }

    private async Task DropOverflowAsync(string partition, CancellationToken cancellationToken)
    {
        var over = true;
        while (over)
        {
            over = false;
            await CommitWithCountersAsync(
                partition,
                async (counters, ct) =>
                {
                    if (counters.Rows <= _bound.MaxRows && counters.Bytes <= _bound.MaxBytes)
                    {
                        return null;
                    }

                    // Oldest first, until what stays fits; one transaction at a time, then look again.
                    var (rows, bytes) = (counters.Rows, counters.Bytes);
                    var dropped = new List<string>();
                    long droppedBytes = 0;
                    await foreach (var entity in _table.QueryAsync<TableEntity>(RowsOf(partition), MaxRowsPerTransaction, ["RowKey", "Bytes"], ct).ConfigureAwait(false))
                    {
                        if ((rows <= _bound.MaxRows && bytes <= _bound.MaxBytes) || dropped.Count == MaxRowsPerTransaction)
                        {
                            break;
                        }

                        var size = entity.GetInt64("Bytes") ?? 0;
                        dropped.Add(entity.RowKey);
                        droppedBytes += size;
                        rows--;
                        bytes -= size;
                    }

                    if (dropped.Count == 0)
                    {
                        return null;
                    }

                    over = rows > _bound.MaxRows || bytes > _bound.MaxBytes;
                    return ([.. dropped.Select(k => Delete(partition, k))], counters with { Rows = rows, Bytes = bytes, Dropped = counters.Dropped + dropped.Count });
                },
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads the partition's counters, lets <paramref name="plan"/> choose the row operations and the new counters,
    /// and commits both in one transaction under the counters' ETag; starts over when another change came first.
    /// </summary>
    private async Task CommitWithCountersAsync(
        string partition,
        Func<Counters, CancellationToken, Task<(List<TableTransactionAction> Actions, Counters Counters)?>> plan,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await _table.GetEntityIfExistsAsync<TableEntity>(partition, CountersKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            var counters = stored.HasValue ? Counters.From(stored.Value!) : new Counters(0, 0, 0);
            if (await plan(counters, cancellationToken).ConfigureAwait(false) is not { } planned)
            {
                return;
            }

            var entity = planned.Counters.ToEntity(partition);
            planned.Actions.Add(stored.HasValue
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, stored.Value!.ETag)
                : new TableTransactionAction(TableTransactionActionType.Add, entity));
            try
            {
                await _table.SubmitTransactionAsync(planned.Actions, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 409 or 412 && attempt < MaxAttempts)
            {
                // 412: the counters changed; 409: they were created meanwhile; 404: a row to delete is gone. Look again.
            }
        }
    }

    private async Task<List<(string Key, long Bytes)>> PresentAsync(string partition, List<string> keys, CancellationToken cancellationToken)
    {
        var wanted = new HashSet<string>(keys, StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {keys[0]} and RowKey le {keys[^1]}");
        var present = new List<(string, long)>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, 1000, ["RowKey", "Bytes"], cancellationToken).ConfigureAwait(false))
        {
            if (wanted.Contains(entity.RowKey))
            {
                present.Add((entity.RowKey, entity.GetInt64("Bytes") ?? 0));
            }
        }

        return present;
    }

    private async Task<List<StreamSpoolSize>> SizesAsync(bool withOldest, CancellationToken cancellationToken)
    {
        await _created.Value.ConfigureAwait(false);
        var streams = new List<string>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {StreamsPartition}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            streams.Add(entity.GetString("Stream"));
        }

        var sizes = new List<StreamSpoolSize>();
        foreach (var stream in streams.Order(StringComparer.Ordinal))
        {
            var partition = Partition(stream);
            var stored = await _table.GetEntityIfExistsAsync<TableEntity>(partition, CountersKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            var counters = stored.HasValue ? Counters.From(stored.Value!) : new Counters(0, 0, 0);
            DateTimeOffset? oldest = null;
            if (withOldest && counters.Rows > 0)
            {
                await foreach (var entity in _table.QueryAsync<TableEntity>(RowsOf(partition), 1, ["SpooledAt"], cancellationToken).ConfigureAwait(false))
                {
                    oldest = entity.GetDateTimeOffset("SpooledAt")?.ToUniversalTime();
                    break;
                }
            }

            sizes.Add(new StreamSpoolSize(stream, counters.Rows, counters.Bytes, oldest, counters.Dropped));
        }

        return sizes;
    }

    private sealed record Counters(long Rows, long Bytes, long Dropped)
    {
        public static Counters From(TableEntity entity) =>
            new(entity.GetInt64(nameof(Rows)) ?? 0, entity.GetInt64(nameof(Bytes)) ?? 0, entity.GetInt64(nameof(Dropped)) ?? 0);

        public TableEntity ToEntity(string partition) => new(partition, CountersKey)
        {
            [nameof(Rows)] = Rows,
            [nameof(Bytes)] = Bytes,
            [nameof(Dropped)] = Dropped,
        };
    }
}
