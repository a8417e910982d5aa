using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Monitoring.Azure.Configuration;
using Monitoring.Core.DataChecks;
using Monitoring.Core.Ports;
using Monitoring.Core.Spec;

namespace Monitoring.Azure.DataSources;

/// <summary>
/// <see cref="IDataSource"/> for <c>blob</c> sources: one flat listing of the container (or of the blobs under the
/// prefix) answers both parts a blob source can: the last-updated time is the newest blob's <c>Last-Modified</c>
/// (null when there are no blobs), and each range counts the blobs, and sums their bytes, whose <c>Last-Modified</c>
/// falls in [From, To). Snapshots, versions and deleted blobs are not listed. The schema and pipeline runs are not
/// a blob source's to answer: asking for them fails the read with a message that says so.
/// </summary>
/// <remarks>
/// The connection is the app setting (or prefix) the spec names, read by <see cref="StorageConnection"/>: a connection
/// string (<c>UseDevelopmentStorage=true</c> for Azurite), <c>&lt;name&gt;__blobServiceUri</c>, or
/// <c>&lt;name&gt;__accountName</c> (<c>https://&lt;account&gt;.blob.core.windows.net</c>) with a token credential,
/// for the user-assigned identity <c>&lt;name&gt;__clientId</c> when set. A missing container fails as not-found,
/// refused credentials as authentication, an unreachable account as connection, and a listing that outlasts the
/// check's timeout as timeout.
/// </remarks>
public sealed class BlobDataSource : IDataSource
{
    private readonly StorageClients<BlobServiceClient> _clients;

    /// <summary>Reads blob sources.</summary>
    /// <param name="settings">The app settings, as a configuration lookup (<c>name</c>, <c>name:blobServiceUri</c>, …).</param>
    /// <param name="credential">The token credential of an identity-based connection, given its <c>__clientId</c> (null for the default identity).</param>
    /// <param name="options">The Blob client's options; <see cref="DefaultOptions"/> when null.</param>
    public BlobDataSource(Func<string, string?> settings, Func<string?, TokenCredential> credential, BlobClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(credential);
        var clientOptions = options ?? DefaultOptions();
        _clients = new StorageClients<BlobServiceClient>(settings, credential, (connection, token) => connection.CreateBlobServiceClient(token, clientOptions));
    }

    /// <inheritdoc/>
    public string Kind => "blob";

    /// <summary>
    /// Two retries half a second apart at first: a data check's timeout is seconds, and an account that refuses
    /// connections should say so well within it rather than wait out the SDK's longer default back-off.
    /// </summary>
    public static BlobClientOptions DefaultOptions()
    {
        var options = new BlobClientOptions();
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
        if (source is not BlobSourceSpec blob)
        {
            throw new ArgumentException($"A blob source reads blob specs, not {source.Kind}.", nameof(source));
        }

        Unsupported.Reject(Kind, request, schema: true, runs: true);
        var what = Describe(blob);
        return await SourceReads.WithinAsync(request.Timeout, what, e => SourceReads.Storage(e, what), token => ListAsync(blob, request, token), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DataObservation> ListAsync(BlobSourceSpec blob, DataReadRequest request, CancellationToken cancellationToken)
    {
        if (!request.LastUpdated && request.Ranges.IsEmpty)
        {
            return DataObservation.Empty;
        }

        var container = _clients.For(blob.Connection).GetBlobContainerClient(blob.Container);
        DateTimeOffset? newest = null;
        var rows = new long[request.Ranges.Length];
        var bytes = new long[request.Ranges.Length];
        var options = new GetBlobsOptions { Prefix = string.IsNullOrEmpty(blob.Prefix) ? null : blob.Prefix };
        await foreach (var item in container.GetBlobsAsync(options, cancellationToken).ConfigureAwait(false))
        {
            if (item.Properties.LastModified is not { } modified)
            {
                continue;
            }

            newest = newest is { } n && n >= modified ? n : modified;
            for (var i = 0; i < request.Ranges.Length; i++)
            {
                var range = request.Ranges[i];
                if (modified >= range.From && modified < range.To)
                {
                    rows[i]++;
                    bytes[i] += item.Properties.ContentLength ?? 0;
                }
            }
        }

        return new DataObservation(
            request.LastUpdated ? newest : null,
            [.. rows.Select((count, i) => new DataVolume(count, bytes[i]))],
            default,
            []);
    }

    private static string Describe(BlobSourceSpec blob) => string.IsNullOrEmpty(blob.Prefix)
        ? $"Blob container '{blob.Container}' (connection {Connection(blob.Connection)})"
        : $"Blobs under '{blob.Prefix}' in container '{blob.Container}' (connection {Connection(blob.Connection)})";

    private static string Connection(string? name) => string.IsNullOrWhiteSpace(name) ? StorageConnection.SettingName : name;
}
