using System.Globalization;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Monitoring.Core.Ports;
using Monitoring.Core.State;

namespace Monitoring.Azure.State;

/// <summary>
/// <see cref="IStateStore"/> on Azure Tables (Azurite locally): one table, the state partition as PartitionKey and
/// the key as RowKey, with the service's ETags for optimistic concurrency. A conditional write that loses (409 on
/// insert, 412 or 404 on replace) answers null, so two instances never both win a claim.
/// </summary>
public sealed class TableStateStore : IStateStore
{
    /// <summary>The table's default name.</summary>
    public const string DefaultTableName = "MonitorState";

    // A string property holds at most 64 KiB (32K UTF-16 characters); longer values are split across numbered
    // properties, within the 1 MiB entity limit.
    private const int ChunkLength = 30_000;
    private const int MaxChunks = 30;
    private const string ValueProperty = "Value";
    private const string ChunksProperty = "Chunks";

    private readonly TableClient _table;
    private readonly Lazy<Task> _created;

    /// <summary>Uses <paramref name="table"/>, creating it on first use if it does not exist.</summary>
    public TableStateStore(TableClient table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _table = table;
        _created = new Lazy<Task>(() => _table.CreateIfNotExistsAsync(), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <inheritdoc/>
    public async Task<StateEntry?> GetAsync(string partition, string key, CancellationToken cancellationToken)
    {
        await EnsureTableAsync();
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(Encode(partition), Encode(key), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? ToEntry(response.Value!) : null;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<StateEntry>> ListAsync(string partition, CancellationToken cancellationToken)
    {
        await EnsureTableAsync();
        var entries = new List<StateEntry>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Encode(partition)}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            entries.Add(ToEntry(entity));
        }

        // The service orders by the encoded RowKey; the port promises the keys' own ordinal order.
        return [.. entries.OrderBy(e => e.Key, StringComparer.Ordinal)];
    }

    /// <inheritdoc/>
    public async Task<StateEntry?> TryWriteAsync(string partition, string key, string value, StateWriteCondition condition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(condition);
        await EnsureTableAsync();
        var entity = ToEntity(partition, key, value);
        try
        {
            var response = condition switch
            {
                { MustBeAbsent: true } => await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false),
                { IfMatchETag: { } etag } => await _table.UpdateEntityAsync(entity, new ETag(etag), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false),
                _ => await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false),
            };

            var newETag = response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("The table service returned no ETag.");
            return new StateEntry(partition, key, value, newETag, WrittenAt(newETag, response.Headers.Date));
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
        {
            // 409: the key exists (insert); 412: someone wrote since the ETag was read; 404: it was deleted meanwhile.
            return null;
        }
    }

    /// <inheritdoc/>
    public async Task<bool> DeleteAsync(string partition, string key, string? ifMatchETag, CancellationToken cancellationToken)
    {
        await EnsureTableAsync();
        try
        {
            var response = await _table.DeleteEntityAsync(Encode(partition), Encode(key), ifMatchETag is null ? ETag.All : new ETag(ifMatchETag), cancellationToken).ConfigureAwait(false);
            return response.Status is >= 200 and < 300;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    /// <summary>
    /// A key as a PartitionKey or RowKey: the characters the service forbids (<c>/ \ # ?</c> and control
    /// characters) and <c>%</c> itself are percent-encoded, so every key maps to a distinct, reversible one.
    /// </summary>
    public static string Encode(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var builder = new StringBuilder(key.Length);
        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>The key <see cref="Encode"/> made <paramref name="encoded"/> from.</summary>
    public static string Decode(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        var builder = new StringBuilder(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] == '%' && i + 4 < encoded.Length && int.TryParse(encoded.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            {
                builder.Append((char)code);
                i += 4;
            }
            else
            {
                builder.Append(encoded[i]);
            }
        }

        return builder.ToString();
    }

    private Task EnsureTableAsync() => _created.Value;

    // A write's response has the new ETag but no entity: the Table service's ETag is W/"datetime'<Timestamp>'", so the
    // entity's Timestamp (what a later read returns) comes from it; the Date header (whole seconds) is the fallback.
    private static DateTimeOffset WrittenAt(string etag, DateTimeOffset? date)
    {
        var start = etag.IndexOf("datetime'", StringComparison.Ordinal);
        var end = start < 0 ? -1 : etag.IndexOf('\'', start + 9);
        return end > start
            && DateTimeOffset.TryParse(Uri.UnescapeDataString(etag[(start + 9)..end]), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp)
            ? timestamp.ToUniversalTime()
            : (date ?? DateTimeOffset.UtcNow).ToUniversalTime();
    }

    private static TableEntity ToEntity(string partition, string key, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(partition);
        ArgumentException.ThrowIfNullOrEmpty(key);
        var entity = new TableEntity(Encode(partition), Encode(key));
        if (value.Length <= ChunkLength)
        {
            entity[ValueProperty] = value;
            return entity;
        }

        var chunks = (value.Length + ChunkLength - 1) / ChunkLength;
        if (chunks > MaxChunks)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"A state value may hold at most {MaxChunks * ChunkLength} characters; '{partition}/{key}' has {value.Length}."), nameof(value));
        }

        entity[ChunksProperty] = chunks;
        for (var i = 0; i < chunks; i++)
        {
            entity[ValueProperty + i.ToString(CultureInfo.InvariantCulture)] = value.Substring(i * ChunkLength, Math.Min(ChunkLength, value.Length - (i * ChunkLength)));
        }

        return entity;
    }

    private static StateEntry ToEntry(TableEntity entity)
    {
        string value;
        if (entity.GetInt32(ChunksProperty) is { } chunks)
        {
            var builder = new StringBuilder();
            for (var i = 0; i < chunks; i++)
            {
                builder.Append(entity.GetString(ValueProperty + i.ToString(CultureInfo.InvariantCulture)));
            }

            value = builder.ToString();
        }
        else
        {
            value = entity.GetString(ValueProperty) ?? string.Empty;
        }

        return new StateEntry(Decode(entity.PartitionKey), Decode(entity.RowKey), value, entity.ETag.ToString(), (entity.Timestamp ?? DateTimeOffset.UtcNow).ToUniversalTime());
    }
}
