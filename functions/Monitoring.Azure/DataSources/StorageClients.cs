using System.Collections.Concurrent;
using Azure.Core;
using Monitoring.Azure.Configuration;
using Monitoring.Core.DataChecks;

namespace Monitoring.Azure.DataSources;

/// <summary>
/// One service client per storage connection a data source names, made from the app settings by
/// <see cref="StorageConnection"/> (the one place that reads them) and kept, so its token cache and connections live
/// on. A connection that is not configured, or not valid, fails the read as <see cref="DataSourceErrorKind.Connection"/>
/// with a message that names the setting and never quotes it.
/// </summary>
/// <typeparam name="TClient">The service client: Blob or Table.</typeparam>
internal sealed class StorageClients<TClient>(
    Func<string, string?> settings,
    Func<string?, TokenCredential> credential,
    Func<StorageConnection, Func<TokenCredential>, TClient> create)
    where TClient : class
{
    private readonly ConcurrentDictionary<string, TClient> _clients = new(StringComparer.Ordinal);

    /// <summary>The client for the connection <paramref name="name"/> (<c>AzureWebJobsStorage</c> when empty).</summary>
    /// <exception cref="DataSourceException">The connection is not configured or not valid.</exception>
    public TClient For(string? name)
    {
        name = string.IsNullOrWhiteSpace(name) ? StorageConnection.SettingName : name;
        if (_clients.TryGetValue(name, out var client))
        {
            return client;
        }

        StorageConnection connection;
        try
        {
            connection = StorageConnection.From(name, settings) ?? throw new DataSourceException(
                DataSourceErrorKind.Connection,
                $"The storage connection '{name}' is not configured: set {name} to a connection string, or {name}__blobServiceUri, {name}__tableServiceUri or {name}__accountName for an identity-based one.");
        }
        catch (ArgumentException e)
        {
            // A service URI that is not one; the message names the setting.
            throw new DataSourceException(DataSourceErrorKind.Connection, e.Message);
        }

        try
        {
            client = create(connection, () => credential(connection.ClientId));
        }
        catch (InvalidOperationException e) when (connection.IdentityBased)
        {
            // The connection names no endpoint for this service; the message names the settings to set.
            throw new DataSourceException(DataSourceErrorKind.Connection, e.Message);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            // The SDK's message is not repeated: it may quote the connection string.
            throw new DataSourceException(DataSourceErrorKind.Connection, $"The setting '{name}' is not a valid storage connection string.");
        }

        return _clients.GetOrAdd(name, client);
    }
}
