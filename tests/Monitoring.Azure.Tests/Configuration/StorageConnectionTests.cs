using Monitoring.Azure.Configuration;
using Xunit;

namespace Monitoring.Azure.Tests.Configuration;

public sealed class StorageConnectionTests
{
    [Fact]
    public void From_IsNull_WhenNothingIsConfigured_SoTheEmbeddedStoreStays()
    {
        Assert.Null(StorageConnection.From(_ => null));
    }

    [Fact]
    public void From_TakesAzuriteOnItsDefaultPorts_WhenUseDevelopmentStorageIsSet()
    {
        var connection = StorageConnection.From(Settings(("AzureWebJobsStorage", "UseDevelopmentStorage=true")))!;

        var table = connection.CreateTableClient("MonitorState", () => throw new InvalidOperationException("no credential for a connection string"));

        Assert.False(connection.IdentityBased);
        Assert.Equal("127.0.0.1:10002", table.Uri.Authority);
        Assert.Equal("MonitorState", table.Name);
    }

    [Fact]
    public void From_ReadsAnIdentityBasedConnection_FromServiceUrisOrTheAccountName()
    {
        var byUri = StorageConnection.From(Settings(
            ("AzureWebJobsStorage:tableServiceUri", "https://acct.table.core.windows.net/"),
            ("AzureWebJobsStorage:clientId", "0000-client")))!;
        var byAccount = StorageConnection.From(Settings(("AzureWebJobsStorage:accountName", "stmonitor")))!;

        Assert.True(byUri.IdentityBased);
        Assert.Equal(("https://acct.table.core.windows.net/", "0000-client"), (byUri.TableServiceUri!.AbsoluteUri, byUri.ClientId));
        Assert.Equal(
            ["https://stmonitor.table.core.windows.net/", "https://stmonitor.queue.core.windows.net/", "https://stmonitor.blob.core.windows.net/"],
            new[] { byAccount.TableServiceUri, byAccount.QueueServiceUri, byAccount.BlobServiceUri }.Select(u => u!.AbsoluteUri));
    }

    [Fact]
    public void From_SaysWhichSettingIsWrong_WhenAServiceUriIsNotAbsolute()
    {
        var error = Assert.Throws<ArgumentException>(() => StorageConnection.From(Settings(("AzureWebJobsStorage:queueServiceUri", "queue.local"))));

        Assert.Contains("AzureWebJobsStorage__queueServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateTableClient_Explains_WhenAnIdentityBasedConnectionHasNoTableService()
    {
        var connection = StorageConnection.From(Settings(("AzureWebJobsStorage:queueServiceUri", "https://acct.queue.core.windows.net/")))!;

        var error = Assert.Throws<InvalidOperationException>(() => connection.CreateTableClient("MonitorState", () => throw new InvalidOperationException()));

        Assert.Contains("AzureWebJobsStorage__tableServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_ReadsANamedConnection_AsBindingsReadTheirs()
    {
        var settings = Settings(
            ("Landing:accountName", "stlanding"),
            ("Landing:clientId", "1111-client"),
            ("Archive", "UseDevelopmentStorage=true"));

        var landing = StorageConnection.From("Landing", settings)!;
        var archive = StorageConnection.From("Archive", settings)!;

        Assert.Equal(("Landing", "https://stlanding.blob.core.windows.net/", "1111-client"), (landing.Name, landing.BlobServiceUri!.AbsoluteUri, landing.ClientId));
        Assert.Equal("127.0.0.1:10000", archive.CreateBlobServiceClient(() => throw new InvalidOperationException("no credential for a connection string")).Uri.Authority);
        Assert.Equal("127.0.0.1:10002", archive.CreateTableServiceClient(() => throw new InvalidOperationException("no credential for a connection string")).Uri.Authority);
        Assert.Null(StorageConnection.From("Missing", settings));
    }

    [Fact]
    public void CreateBlobServiceClient_UsesTheIdentity_AndNamesTheSettings_WhenThereIsNoBlobService()
    {
        var byUri = StorageConnection.From("Landing", Settings(("Landing:blobServiceUri", "https://landing.blob.core.windows.net/")))!;
        var tablesOnly = StorageConnection.From("Landing", Settings(("Landing:tableServiceUri", "https://landing.table.core.windows.net/")))!;
        var asked = 0;

        var client = byUri.CreateBlobServiceClient(() =>
        {
            asked++;
            return new Support.StaticTokenCredential("t");
        });
        var error = Assert.Throws<InvalidOperationException>(() => tablesOnly.CreateBlobServiceClient(() => new Support.StaticTokenCredential("t")));

        Assert.Equal(("landing.blob.core.windows.net", 1), (client.Uri.Host, asked));
        Assert.Contains("Landing__blobServiceUri", error.Message, StringComparison.Ordinal);
    }

    private static Func<string, string?> Settings(params (string Key, string Value)[] settings) =>
        key => settings.FirstOrDefault(s => s.Key == key).Value;
}
