using System.Globalization;
using Azure.Core;
using Azure.Data.Tables;
using Monitoring.Azure.Configuration;
using Monitoring.Core.DataChecks;
using Monitoring.Core.Ports;
using Monitoring.Core.Spec;

namespace Monitoring.Azure.DataSources;

/// <summary>
/// <see cref="IDataSource"/> for <c>table</c> sources (Azure Storage tables): entities by their <c>Timestamp</c>, the
/// service's last-modified time of each. Only <c>Timestamp</c> is selected, of the partition when the spec names one,
/// and only entities at or after the oldest instant the request needs: the oldest range's start. Each range counts
/// the entities whose <c>Timestamp</c> falls in [From, To) (bytes are unknown); the last-updated time is the newest
/// <c>Timestamp</c> seen. When that scan found nothing (or no range was asked), the last-updated time is looked for in
/// the last <see cref="LastUpdatedLookback"/> first, and in the whole table (or partition) only if that finds nothing
/// either, so an idle table reports its age rather than no data. The schema and pipeline runs are not a table
/// source's to answer.
/// </summary>
/// <remarks>
/// A filter on <c>Timestamp</c> is not indexed: the service scans the partition (or table) and returns what matches,
/// page by page. No read takes more than <see cref="DefaultMaxEntities"/> entities (or the cap given): past it the
/// read fails as a response error that says so, rather than run on; a partition key narrows it. A missing table fails
/// as not-found, refused credentials as authentication, an unreachable account as connection, a scan that outlasts
/// the check's timeout as timeout. The connection is read as <see cref="BlobDataSource"/> reads its own.
/// </remarks>
public sealed class TableDataSource : IDataSource
{
    /// <summary>The most entities one read scans, 1,000,000 unless the constructor is given another cap.</summary>
    public const int DefaultMaxEntities = 1_000_000;

    private readonly StorageClients<TableServiceClient> _clients;
    private readonly int _maxEntities;

    /// <summary>Reads table sources.</summary>
    /// <param name="settings">The app settings, as a configuration lookup (<c>name</c>, <c>name:tableServiceUri</c>, …).</param>
    /// <param name="credential">The token credential of an identity-based connection, given its <c>__clientId</c> (null for the default identity).</param>
    /// <param name="options">The Table client's options; <see cref="DefaultOptions"/> when null.</param>
    /// <param name="maxEntities">The most entities one read scans.</param>
    public TableDataSource(Func<string, string?> settings, Func<string?, TokenCredential> credential, TableClientOptions? options = null, int maxEntities = DefaultMaxEntities)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEntities, 1);
        var clientOptions = options ?? DefaultOptions();
        _clients = new StorageClients<TableServiceClient>(settings, credential, (connection, token) => connection.CreateTableServiceClient(token, clientOptions));
        _maxEntities = maxEntities;
    }

    /// <inheritdoc/>
    public string Kind => "table";

    /// <summary>How far back the last-updated time is looked for before the whole table is: 7 days.</summary>
    public static TimeSpan LastUpdatedLookback { get; } = TimeSpan.FromDays(7);

    /// <summary>Two retries half a second apart at first, as <see cref="BlobDataSource.DefaultOptions"/>.</summary>
    public static TableClientOptions DefaultOptions()
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(500);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        return options;
    }

    /// <inheritdoc/>
    public async Task<DataObservation> ReadAsync(DataSourceSpec source, DataReadRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(request);
        if (source is not TableSourceSpec table)
        {
            throw new ArgumentException($"A table source reads table specs, not {source.Kind}.", nameof(source));
        }

        Unsupported.Reject(Kind, request, schema: true, runs: true);
        var what = Describe(table);
        return await SourceReads.WithinAsync(request.Timeout, what, e => SourceReads.Storage(e, what), token => ScanAsync(table, request, what, token), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DataObservation> ScanAsync(TableSourceSpec spec, DataReadRequest request, string what, CancellationToken cancellationToken)
    {
        if (!request.LastUpdated && request.Ranges.IsEmpty)
        {
            return DataObservation.Empty;
        }

        var table = _clients.For(spec.Connection).GetTableClient(spec.Table);
        var scan = new Scan(table, spec.PartitionKey, _maxEntities, what);
        var lookback = request.Now - LastUpdatedLookback;
        var rows = new long[request.Ranges.Length];
        DateTimeOffset? newest = null;
        if (!request.Ranges.IsEmpty)
        {
            newest = await scan.RunAsync(request.Ranges.Min(r => r.From), request.Ranges, rows, cancellationToken).ConfigureAwait(false);
        }

        if (request.LastUpdated && newest is null)
        {
            // Widen in steps: the last week, then everything; each step runs only when the narrower one found nothing.
            if (request.Ranges.IsEmpty || request.Ranges.Min(r => r.From) > lookback)
            {
                newest = await scan.RunAsync(lookback, [], rows, cancellationToken).ConfigureAwait(false);
            }

            newest ??= await scan.RunAsync(null, [], rows, cancellationToken).ConfigureAwait(false);
        }

        return new DataObservation(request.LastUpdated ? newest : null, [.. rows.Select(count => new DataVolume(count, null))], default, []);
    }

    private static string Describe(TableSourceSpec table) =>
        $"Table '{table.Table}'{(table.PartitionKey is null ? string.Empty : $" partition '{table.PartitionKey}'")} (connection {(string.IsNullOrWhiteSpace(table.Connection) ? StorageConnection.SettingName : table.Connection)})";

    // The scans of one read, which share its cap.
    private sealed class Scan(TableClient table, string? partitionKey, int maxEntities, string what)
    {
        private static readonly string[] Select = ["Timestamp"];
        private long _scanned;

        // Entities at or after since (every entity when null): counts them into rows by range and answers the newest Timestamp.
        public async Task<DateTimeOffset?> RunAsync(DateTimeOffset? since, IReadOnlyList<DataRange> ranges, long[] rows, CancellationToken cancellationToken)
        {
            var filter = (partitionKey, since) switch
            {
                (null, null) => null,
                (null, { } from) => TableClient.CreateQueryFilter($"Timestamp ge {from}"),
                ({ } key, null) => TableClient.CreateQueryFilter($"PartitionKey eq {key}"),
                ({ } key, { } from) => TableClient.CreateQueryFilter($"PartitionKey eq {key} and Timestamp ge {from}"),
            };

            DateTimeOffset? newest = null;
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: Select, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (++_scanned > maxEntities)
                {
                    throw new DataSourceException(DataSourceErrorKind.Response, string.Create(CultureInfo.InvariantCulture,
                        $"{what} holds more than {maxEntities:N0} entities in the time the check reads; a read stops there. Name a partition key, or use a shorter window."));
                }

                if (entity.Timestamp is not { } timestamp)
                {
                    continue;
                }

                newest = newest is { } n && n >= timestamp ? n : timestamp;
                for (var i = 0; i < ranges.Count; i++)
                {
                    if (timestamp >= ranges[i].From && timestamp < ranges[i].To)
                    {
                        rows[i]++;
                    }
                }
            }

            return newest;
        }
    }
}
