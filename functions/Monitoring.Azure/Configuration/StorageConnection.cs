using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Monitoring.Azure.Configuration;

/// <summary>
/// A storage account connection, read the way the Functions host reads its own <c>AzureWebJobsStorage</c> setting
/// (and bindings read theirs, by the name or prefix they are given): a connection string (<c>UseDevelopmentStorage=true</c>
/// for Azurite on its default ports, or an explicit one), or an identity-based connection
/// (<c>&lt;name&gt;__tableServiceUri</c>, <c>__queueServiceUri</c>, <c>__blobServiceUri</c>, or just
/// <c>__accountName</c>, with <c>__clientId</c> for a user-assigned identity) used with a token credential. The app
/// keeps its state in <c>AzureWebJobsStorage</c>; data checks read the accounts their sources name.
/// </summary>
public sealed record StorageConnection
{
    /// <summary>The setting's name, as the Functions host names it.</summary>
    public const string SettingName = "AzureWebJobsStorage";

    /// <summary>The setting (or prefix) the connection was read from; messages name its settings after it.</summary>
    public string Name { get; init; } = SettingName;

    /// <summary>The connection string, when the setting is one.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>The Table service endpoint of an identity-based connection.</summary>
    public Uri? TableServiceUri { get; init; }

    /// <summary>The Queue service endpoint of an identity-based connection.</summary>
    public Uri? QueueServiceUri { get; init; }

    /// <summary>The Blob service endpoint of an identity-based connection.</summary>
    public Uri? BlobServiceUri { get; init; }

    /// <summary>The client id of the user-assigned identity to use, when given (<c>__clientId</c>).</summary>
    public string? ClientId { get; init; }

    /// <summary>True when the connection authenticates with a token credential rather than a connection string.</summary>
    public bool IdentityBased => ConnectionString is null;

    /// <summary>
    /// Reads the connection from <paramref name="setting"/> (a configuration lookup: <c>AzureWebJobsStorage</c>,
    /// <c>AzureWebJobsStorage:tableServiceUri</c> and so on); null when none is configured, so the embedded store stays.
    /// </summary>
    /// <exception cref="ArgumentException">A service URI is not an absolute URI.</exception>
    public static StorageConnection? From(Func<string, string?> setting) => From(SettingName, setting);

    /// <summary>
    /// Reads the connection named <paramref name="name"/> from <paramref name="setting"/> (a configuration lookup:
    /// <c>name</c>, <c>name:blobServiceUri</c> and so on, which app settings write as <c>name__blobServiceUri</c>);
    /// null when none is configured.
    /// </summary>
    /// <exception cref="ArgumentException">A service URI is not an absolute URI.</exception>
    public static StorageConnection? From(string name, Func<string, string?> setting)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(setting);
        if (setting(name) is { Length: > 0 } connectionString)
        {
            return new StorageConnection { Name = name, ConnectionString = connectionString };
        }

        var account = setting(name + ":accountName");
        var connection = new StorageConnection
        {
            Name = name,
            TableServiceUri = Endpoint(setting, name, "tableServiceUri", account, "table"),
            QueueServiceUri = Endpoint(setting, name, "queueServiceUri", account, "queue"),
            BlobServiceUri = Endpoint(setting, name, "blobServiceUri", account, "blob"),
            ClientId = setting(name + ":clientId") is { Length: > 0 } clientId ? clientId : null,
        };
        return connection.TableServiceUri is null && connection.QueueServiceUri is null && connection.BlobServiceUri is null ? null : connection;
    }

    /// <summary>A client for <paramref name="tableName"/>; <paramref name="credential"/> serves identity-based connections.</summary>
    /// <exception cref="InvalidOperationException">The connection names no Table service.</exception>
    public TableClient CreateTableClient(string tableName, Func<TokenCredential> credential)
    {
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        ArgumentNullException.ThrowIfNull(credential);
        if (ConnectionString is not null)
        {
            return new TableClient(ConnectionString, tableName);
        }

        return TableServiceUri is { } uri
            ? new TableClient(uri, tableName, credential())
            : throw NoService("Table", "tableServiceUri");
    }

    /// <summary>A client for the account's Table service; <paramref name="credential"/> serves identity-based connections.</summary>
    /// <exception cref="InvalidOperationException">The connection names no Table service.</exception>
    /// <exception cref="FormatException">The connection string is not one.</exception>
    public TableServiceClient CreateTableServiceClient(Func<TokenCredential> credential, TableClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        if (ConnectionString is not null)
        {
            return new TableServiceClient(ConnectionString, options);
        }

        return TableServiceUri is { } uri
            ? new TableServiceClient(uri, credential(), options)
            : throw NoService("Table", "tableServiceUri");
    }

    /// <summary>A client for the account's Blob service; <paramref name="credential"/> serves identity-based connections.</summary>
    /// <exception cref="InvalidOperationException">The connection names no Blob service.</exception>
    /// <exception cref="FormatException">The connection string is not one.</exception>
    public BlobServiceClient CreateBlobServiceClient(Func<TokenCredential> credential, BlobClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        if (ConnectionString is not null)
        {
            return new BlobServiceClient(ConnectionString, options);
        }

        return BlobServiceUri is { } uri
            ? new BlobServiceClient(uri, credential(), options)
            : throw NoService("Blob", "blobServiceUri");
    }

    /// <summary>A client for queue <paramref name="queueName"/>; <paramref name="credential"/> serves identity-based connections.</summary>
    /// <exception cref="InvalidOperationException">The connection names no Queue service.</exception>
    public QueueClient CreateQueueClient(string queueName, Func<TokenCredential> credential, QueueClientOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(queueName);
        ArgumentNullException.ThrowIfNull(credential);
        if (ConnectionString is not null)
        {
            return new QueueClient(ConnectionString, queueName, options);
        }

        return QueueServiceUri is { } uri
            ? new QueueClient(new Uri(uri, queueName), credential(), options)
            : throw NoService("Queue", "queueServiceUri");
    }

    private InvalidOperationException NoService(string service, string setting) =>
        new($"{Name} names no {service} service: set {Name}__{setting} or {Name}__accountName.");

    private static Uri? Endpoint(Func<string, string?> setting, string prefix, string name, string? account, string service)
    {
        if (setting(prefix + ":" + name) is { Length: > 0 } text)
        {
            return Uri.TryCreate(text, UriKind.Absolute, out var uri)
                ? uri
                : throw new ArgumentException($"{prefix}__{name} must be an absolute URI, not '{text}'.");
        }

        return account is { Length: > 0 } ? new Uri($"https://{account}.{service}.core.windows.net/") : null;
    }
}
