using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace Monitoring.Azure.Configuration;

/// <summary>
/// The storage account the app keeps its state in, read the way the Functions host reads its own
/// <c>AzureWebJobsStorage</c> setting: a connection string (<c>UseDevelopmentStorage=true</c> for Azurite on its
/// default ports, or an explicit one), or an identity-based connection (<c>AzureWebJobsStorage__tableServiceUri</c>,
/// <c>__queueServiceUri</c>, <c>__blobServiceUri</c>, or just <c>__accountName</c>) used with a token credential.
/// </summary>
public sealed record StorageConnection
{
    /// <summary>The setting's name, as the Functions host names it.</summary>
    public const string SettingName = "AzureWebJobsStorage";

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
    public static StorageConnection? From(Func<string, string?> setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        if (setting(SettingName) is { Length: > 0 } connectionString)
        {
            return new StorageConnection { ConnectionString = connectionString };
        }

        var account = setting(SettingName + ":accountName");
        var connection = new StorageConnection
        {
            TableServiceUri = Endpoint(setting, "tableServiceUri", account, "table"),
            QueueServiceUri = Endpoint(setting, "queueServiceUri", account, "queue"),
            BlobServiceUri = Endpoint(setting, "blobServiceUri", account, "blob"),
            ClientId = setting(SettingName + ":clientId") is { Length: > 0 } clientId ? clientId : null,
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
            : throw new InvalidOperationException($"{SettingName} names no Table service: set {SettingName}__tableServiceUri or {SettingName}__accountName.");
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
            : throw new InvalidOperationException($"{SettingName} names no Queue service: set {SettingName}__queueServiceUri or {SettingName}__accountName.");
    }

    private static Uri? Endpoint(Func<string, string?> setting, string name, string? account, string service)
    {
        if (setting(SettingName + ":" + name) is { Length: > 0 } text)
        {
            return Uri.TryCreate(text, UriKind.Absolute, out var uri)
                ? uri
                : throw new ArgumentException($"{SettingName}__{name} must be an absolute URI, not '{text}'.");
        }

        return account is { Length: > 0 } ? new Uri($"https://{account}.{service}.core.windows.net/") : null;
    }
}
