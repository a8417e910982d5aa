using System.Diagnostics;
using System.Globalization;
using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Monitoring.Azure.DataSources;
using Monitoring.Azure.Tests.Support;
using Monitoring.Core.DataChecks;
using Monitoring.Core.Spec;
using Xunit;

namespace Monitoring.Azure.Tests.DataSources;

/// <summary>The blob source against a real Azurite: one listing answers the newest blob and the blobs and bytes per range.</summary>
public sealed class BlobDataSourceTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly string container = AzuriteFixture.UniqueName("blobs");

    [Fact]
    public async Task ReadAsync_AnswersTheNewestBlob_AndTheBlobsAndBytesWhoseLastModifiedIsInEachRange()
    {
        var client = await ContainerAsync();
        var first = await UploadAsync(client, "a.csv", 100);
        var second = await UploadAsync(client, "b.csv", 250, after: first);
        var now = second.AddMinutes(1);
        DataRange[] ranges = [new(first, second), new(second, now), new(first.AddHours(-1), now), new(now, now.AddHours(1))];

        var observation = await Source().ReadAsync(Spec(null), Request(now, lastUpdated: true, ranges), TestContext.Current.CancellationToken);

        Assert.Equal(second, observation.LastUpdated);
        Assert.Equal([new(1, 100), new(1, 250), new(2, 350), new(0, 0)], observation.Volumes);
        Assert.True(observation.Schema.IsDefault);
        Assert.Empty(observation.Runs);
    }

    [Fact]
    public async Task ReadAsync_ReadsOnlyTheBlobsUnderThePrefix()
    {
        var client = await ContainerAsync();
        var orders = await UploadAsync(client, "daily/2026-11-23/orders.csv", 40);
        var inside = Max(orders, await UploadAsync(client, "daily/2026-11-23/refunds.csv", 2));
        var outside = await UploadAsync(client, "weekly/summary.csv", 7, after: inside);
        var now = outside.AddMinutes(1);
        DataRange[] all = [new(orders.AddHours(-1), now)];

        var daily = await Source().ReadAsync(Spec("daily/"), Request(now, lastUpdated: true, all), TestContext.Current.CancellationToken);
        var everything = await Source().ReadAsync(Spec(null), Request(now, lastUpdated: true, all), TestContext.Current.CancellationToken);

        Assert.Equal((inside, new DataVolume(2, 42)), (daily.LastUpdated!.Value, daily.Volumes[0]));
        Assert.Equal((outside, new DataVolume(3, 49)), (everything.LastUpdated!.Value, everything.Volumes[0]));
    }

    [Fact]
    public async Task ReadAsync_AnswersNoLastUpdatedAndNoBlobs_WhenTheContainerIsEmpty()
    {
        await ContainerAsync();
        var now = DateTimeOffset.UtcNow;

        var observation = await Source().ReadAsync(Spec(null), Request(now, lastUpdated: true, [new(now.AddHours(-1), now)]), TestContext.Current.CancellationToken);

        Assert.Null(observation.LastUpdated);
        Assert.Equal([new DataVolume(0, 0)], observation.Volumes);
    }

    [Fact]
    public async Task ReadAsync_FailsAsNotFound_WhenTheContainerDoesNotExist()
    {
        var error = await Assert.ThrowsAsync<DataSourceException>(() => Source().ReadAsync(Spec(null), Request(DateTimeOffset.UtcNow, lastUpdated: true, []), TestContext.Current.CancellationToken));

        Assert.Equal((DataSourceErrorKind.NotFound, "not-found"), (error.Kind, error.WireKind));
        Assert.Contains($"'{container}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("ContainerNotFound", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_FailsAsAuthentication_WhenTheKeyIsWrong_AndNeverQuotesIt()
    {
        await ContainerAsync();
        var wrongKey = Convert.ToBase64String(Enumerable.Range(0, 64).Select(i => (byte)i).ToArray());
        var connectionString = azurite.ConnectionString.Replace(AzuriteFixture.AccountKey, wrongKey, StringComparison.Ordinal);
        var source = new BlobDataSource(key => key == "Storage" ? connectionString : null, _ => throw new InvalidOperationException("no identity"));

        var error = await Assert.ThrowsAsync<DataSourceException>(() => source.ReadAsync(Spec(null), Request(DateTimeOffset.UtcNow, lastUpdated: true, []), TestContext.Current.CancellationToken));

        Assert.Equal(DataSourceErrorKind.Authentication, error.Kind);
        Assert.Contains("403", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongKey, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_FailsAsConnection_WithinTheTimeout_WhenNothingListens()
    {
        var closed = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{DeadEndpoints.ClosedPort()}/{AzuriteFixture.AccountName}");
        var connectionString = $"DefaultEndpointsProtocol=http;AccountName={AzuriteFixture.AccountName};AccountKey={AzuriteFixture.AccountKey};BlobEndpoint={closed};";
        var source = new BlobDataSource(key => key == "Storage" ? connectionString : null, _ => throw new InvalidOperationException("no identity"));
        var timeout = TimeSpan.FromSeconds(10);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<DataSourceException>(() => source.ReadAsync(Spec(null), Request(DateTimeOffset.UtcNow, lastUpdated: true, [], timeout), TestContext.Current.CancellationToken));

        Assert.Equal(DataSourceErrorKind.Connection, error.Kind);
        Assert.True(clock.Elapsed < timeout, $"took {clock.Elapsed}");
        Assert.DoesNotContain(AzuriteFixture.AccountKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_FailsAsTimeout_AtTheRequestsTimeout_WhenTheServerNeverAnswers()
    {
        using var silent = new DeadEndpoints.Silent();
        var connectionString = string.Create(CultureInfo.InvariantCulture,
            $"DefaultEndpointsProtocol=http;AccountName={AzuriteFixture.AccountName};AccountKey={AzuriteFixture.AccountKey};BlobEndpoint=http://127.0.0.1:{silent.Port}/{AzuriteFixture.AccountName};");
        var source = new BlobDataSource(key => key == "Storage" ? connectionString : null, _ => throw new InvalidOperationException("no identity"));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<DataSourceException>(() => source.ReadAsync(Spec(null), Request(DateTimeOffset.UtcNow, lastUpdated: true, [], TimeSpan.FromSeconds(1)), TestContext.Current.CancellationToken));

        Assert.Equal(DataSourceErrorKind.Timeout, error.Kind);
        Assert.Contains("within 1 s", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task ReadAsync_AsksTheUserAssignedIdentityOfAnIdentityBasedConnection_AndFailsAsAuthentication_WhenItHasNoToken()
    {
        var asked = new List<string?>();
        var source = new BlobDataSource(
            Settings(("Orders:blobServiceUri", $"https://127.0.0.1:{DeadEndpoints.ClosedPort()}/orders"), ("Orders:clientId", "client-1")),
            clientId =>
            {
                asked.Add(clientId);
                return new RefusingCredential();
            });

        var error = await Assert.ThrowsAsync<DataSourceException>(() => source.ReadAsync(new BlobSourceSpec("Orders", container, null), Request(DateTimeOffset.UtcNow, lastUpdated: true, []), TestContext.Current.CancellationToken));

        Assert.Equal(DataSourceErrorKind.Authentication, error.Kind);
        Assert.Equal(["client-1"], asked);
    }

    [Fact]
    public async Task ReadAsync_FailsAsConnection_NamingTheSetting_WhenTheConnectionIsNotConfigured()
    {
        var source = new BlobDataSource(_ => null, _ => throw new InvalidOperationException("no identity"));

        var error = await Assert.ThrowsAsync<DataSourceException>(() => source.ReadAsync(new BlobSourceSpec("Landing", container, null), Request(DateTimeOffset.UtcNow, lastUpdated: true, []), TestContext.Current.CancellationToken));

        Assert.Equal(DataSourceErrorKind.Connection, error.Kind);
        Assert.Contains("Landing__blobServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_FailsWithoutQuotingIt_WhenTheConnectionStringIsNotOne()
    {
        const string Garbage = "AccountKey=c2VjcmV0LXNob3VsZC1uZXZlci1zaG93;this is not a connection string";
        var source = new BlobDataSource(key => key == "Storage" ? Garbage : null, _ => throw new InvalidOperationException("no identity"));

        var error = await Assert.ThrowsAsync<DataSourceException>(() => source.ReadAsync(Spec(null), Request(DateTimeOffset.UtcNow, lastUpdated: true, []), TestContext.Current.CancellationToken));

        Assert.Equal(DataSourceErrorKind.Connection, error.Kind);
        Assert.Contains("'Storage' is not a valid storage connection string", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_SaysWhichSourcesAnswer_WhenAskedForASchemaOrRuns()
    {
        var request = Request(DateTimeOffset.UtcNow, lastUpdated: false, []) with { Schema = true, RunsSince = DateTimeOffset.UtcNow.AddDays(-1) };

        var error = await Assert.ThrowsAsync<DataSourceException>(() => Source().ReadAsync(Spec(null), request, TestContext.Current.CancellationToken));

        Assert.Equal(DataSourceErrorKind.Query, error.Kind);
        Assert.Contains("A blob source cannot answer the schema", error.Message, StringComparison.Ordinal);
        Assert.Contains("pipeline runs", error.Message, StringComparison.Ordinal);
    }

    private BlobSourceSpec Spec(string? prefix) => new("Storage", container, prefix);

    private BlobDataSource Source() => new(key => key == "Storage" ? azurite.ConnectionString : null, _ => throw new InvalidOperationException("a connection string needs no identity"));

    private static DataReadRequest Request(DateTimeOffset now, bool lastUpdated, DataRange[] ranges, TimeSpan? timeout = null) =>
        new(now, timeout ?? Timeout, lastUpdated, [.. ranges], Schema: false, RunsSince: null);

    private async Task<BlobContainerClient> ContainerAsync()
    {
        var client = new BlobContainerClient(azurite.ConnectionString, container);
        await client.CreateAsync(cancellationToken: TestContext.Current.CancellationToken);
        return client;
    }

    // Last-Modified has whole seconds: a blob meant to be newer waits for the next one.
    private static async Task<DateTimeOffset> UploadAsync(BlobContainerClient client, string name, int bytes, DateTimeOffset? after = null)
    {
        while (after is { } earlier && DateTimeOffset.UtcNow < earlier.AddSeconds(1.05))
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        var response = await client.UploadBlobAsync(name, BinaryData.FromBytes(new byte[bytes]), TestContext.Current.CancellationToken);
        return response.Value.LastModified;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static Func<string, string?> Settings(params (string Key, string Value)[] settings) =>
        key => settings.FirstOrDefault(s => s.Key == key).Value;

    private sealed class RefusingCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new AuthenticationFailedException("ManagedIdentityCredential authentication failed: no identity on this machine.");

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new AuthenticationFailedException("ManagedIdentityCredential authentication failed: no identity on this machine.");
    }
}
