using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Monitoring.Azure.DataSources;
using Monitoring.Azure.Tests.Support;
using Monitoring.Core.DataChecks;
using Monitoring.Core.Spec;
using Xunit;

namespace Monitoring.Azure.Tests.DataSources;

/// <summary>The table source against a real Azurite: entity Timestamps, only that column, only the partition and instants needed.</summary>
public sealed class TableDataSourceTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly string table = AzuriteFixture.UniqueName("orders");
    private readonly RecordingPolicy requests = new();

    [Fact]
    public async Task ReadAsync_CountsThePartitionsEntitiesPerRange_AndAnswersTheNewestTimestamp()
    {
        var stamps = await FillAsync(("eu", 3), ("us", 2));
        var eu = stamps["eu"];
        var now = eu[^1].AddMinutes(1);
        DataRange[] ranges = [new(eu[0], eu[^1]), new(eu[^1], now), new(eu[0].AddHours(-1), now), new(now, now.AddHours(1))];

        var observation = await Source().ReadAsync(Spec("eu"), Request(now, lastUpdated: true, ranges), TestContext.Current.CancellationToken);

        Assert.Equal(eu[^1], observation.LastUpdated);
        Assert.Equal([new(2, null), new(1, null), new(3, null), new(0, null)], observation.Volumes);
        var query = Assert.Single(requests.Queries);
        Assert.Equal("Timestamp", query["$select"]);
        Assert.Equal(("PartitionKey eq 'eu' and Timestamp ge ", eu[0].AddHours(-1)), Since(query["$filter"]));
    }

    [Fact]
    public async Task ReadAsync_CountsEveryPartition_WhenTheSpecNamesNone()
    {
        var stamps = await FillAsync(("eu", 3), ("us", 2));
        var newest = stamps.Values.SelectMany(s => s).Max();
        var now = newest.AddMinutes(1);

        var observation = await Source().ReadAsync(Spec(null), Request(now, lastUpdated: true, [new(now.AddHours(-1), now)]), TestContext.Current.CancellationToken);

        Assert.Equal(newest, observation.LastUpdated);
        Assert.Equal([new DataVolume(5, null)], observation.Volumes);
    }

    [Fact]
    public async Task ReadAsync_LooksForTheLastUpdatedTimeInTheLastWeek_ThenInTheWholePartition()
    {
        var stamps = await FillAsync(("eu", 2));

        // A month later: the last week holds nothing, so the whole partition is read.
        var now = stamps["eu"][^1].AddDays(30);
        var observation = await Source().ReadAsync(Spec("eu"), Request(now, lastUpdated: true, []), TestContext.Current.CancellationToken);

        Assert.Equal(stamps["eu"][^1], observation.LastUpdated);
        Assert.Empty(observation.Volumes);
        Assert.Equal(2, requests.Queries.Count);
        Assert.Equal(("PartitionKey eq 'eu' and Timestamp ge ", now.AddDays(-7)), Since(requests.Queries[0]["$filter"]));
        Assert.Equal("PartitionKey eq 'eu'", requests.Queries[1]["$filter"]);
    }

    [Fact]
    public async Task ReadAsync_ReadsTheLastWeekOnly_WhenItHoldsTheNewestEntity()
    {
        var stamps = await FillAsync(("eu", 2));
        var now = stamps["eu"][^1].AddMinutes(5);

        var observation = await Source().ReadAsync(Spec("eu"), Request(now, lastUpdated: true, []), TestContext.Current.CancellationToken);

        Assert.Equal(stamps["eu"][^1], observation.LastUpdated);
        Assert.Single(requests.Queries);
    }

    [Fact]
    public async Task ReadAsync_AnswersNoLastUpdated_WhenThePartitionIsEmpty()
    {
        await FillAsync(("us", 1));
        var now = DateTimeOffset.UtcNow;

        var observation = await Source().ReadAsync(Spec("eu"), Request(now, lastUpdated: true, [new(now.AddHours(-1), now)]), TestContext.Current.CancellationToken);

        Assert.Null(observation.LastUpdated);
        Assert.Equal([new DataVolume(0, null)], observation.Volumes);
    }

    [Fact]
    public async Task ReadAsync_StopsWithAResponseError_PastTheCapOnEntitiesScanned()
    {
        await FillAsync(("eu", 5));
        var now = DateTimeOffset.UtcNow.AddMinutes(1);
        var source = new TableDataSource(Settings(), _ => throw new InvalidOperationException("no identity"), maxEntities: 3);

        var error = await Assert.ThrowsAsync<DataSourceException>(() => source.ReadAsync(Spec("eu"), Request(now, lastUpdated: true, [new(now.AddHours(-1), now)]), TestContext.Current.CancellationToken));

        Assert.Equal(DataSourceErrorKind.Response, error.Kind);
        Assert.Contains("more than 3 entities", error.Message, StringComparison.Ordinal);
        Assert.Equal(1_000_000, TableDataSource.DefaultMaxEntities);
    }

    [Fact]
    public async Task ReadAsync_FailsAsNotFound_WhenTheTableDoesNotExist()
    {
        var now = DateTimeOffset.UtcNow;

        var error = await Assert.ThrowsAsync<DataSourceException>(() => Source().ReadAsync(Spec(null), Request(now, lastUpdated: false, [new(now.AddHours(-1), now)]), TestContext.Current.CancellationToken));

        Assert.Equal(DataSourceErrorKind.NotFound, error.Kind);
        Assert.Contains($"'{table}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_FailsAsConnection_WithinTheTimeout_WhenNothingListens()
    {
        var connectionString = string.Create(CultureInfo.InvariantCulture,
            $"DefaultEndpointsProtocol=http;AccountName={AzuriteFixture.AccountName};AccountKey={AzuriteFixture.AccountKey};TableEndpoint=http://127.0.0.1:{DeadEndpoints.ClosedPort()}/{AzuriteFixture.AccountName};");
        var source = new TableDataSource(key => key == "Storage" ? connectionString : null, _ => throw new InvalidOperationException("no identity"));
        var timeout = TimeSpan.FromSeconds(10);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<DataSourceException>(() => source.ReadAsync(Spec(null), Request(DateTimeOffset.UtcNow, lastUpdated: true, [], timeout), TestContext.Current.CancellationToken));

        Assert.Equal(DataSourceErrorKind.Connection, error.Kind);
        Assert.True(clock.Elapsed < timeout, $"took {clock.Elapsed}");
        Assert.DoesNotContain(AzuriteFixture.AccountKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_SaysWhichSourcesAnswer_WhenAskedForASchema()
    {
        var request = Request(DateTimeOffset.UtcNow, lastUpdated: true, []) with { Schema = true };

        var error = await Assert.ThrowsAsync<DataSourceException>(() => Source().ReadAsync(Spec(null), request, TestContext.Current.CancellationToken));

        Assert.Equal(DataSourceErrorKind.Query, error.Kind);
        Assert.Contains("A table source cannot answer the schema", error.Message, StringComparison.Ordinal);
    }

    // A filter's text before its datetime literal, and the literal's instant (the SDK writes as few fraction digits as it needs).
    private static (string Before, DateTimeOffset Since) Since(string filter)
    {
        var match = Regex.Match(filter, "^(.*)datetime'([^']+)'$");
        Assert.True(match.Success, filter);
        return (match.Groups[1].Value, DateTimeOffset.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal));
    }

    private TableSourceSpec Spec(string? partitionKey) => new("Storage", table, partitionKey);

    private TableDataSource Source()
    {
        var options = TableDataSource.DefaultOptions();
        options.AddPolicy(requests, HttpPipelinePosition.PerCall);
        return new TableDataSource(Settings(), _ => throw new InvalidOperationException("a connection string needs no identity"), options);
    }

    private Func<string, string?> Settings() => key => key == "Storage" ? azurite.ConnectionString : null;

    private static DataReadRequest Request(DateTimeOffset now, bool lastUpdated, DataRange[] ranges, TimeSpan? timeout = null) =>
        new(now, timeout ?? Timeout, lastUpdated, [.. ranges], Schema: false, RunsSince: null);

    // Entities a few milliseconds apart, so each has its own Timestamp; answers each partition's Timestamps, oldest first.
    private async Task<Dictionary<string, List<DateTimeOffset>>> FillAsync(params (string Partition, int Count)[] partitions)
    {
        var client = new TableClient(azurite.ConnectionString, table);
        await client.CreateIfNotExistsAsync(TestContext.Current.CancellationToken);
        foreach (var (partition, count) in partitions)
        {
            for (var i = 0; i < count; i++)
            {
                await client.AddEntityAsync(new TableEntity(partition, $"order-{i}") { ["Amount"] = 10.5 * i }, TestContext.Current.CancellationToken);
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }
        }

        var stamps = new Dictionary<string, List<DateTimeOffset>>(StringComparer.Ordinal);
        await foreach (var entity in client.QueryAsync<TableEntity>(cancellationToken: TestContext.Current.CancellationToken))
        {
            (stamps.TryGetValue(entity.PartitionKey, out var list) ? list : stamps[entity.PartitionKey] = []).Add(entity.Timestamp!.Value);
        }

        foreach (var list in stamps.Values)
        {
            list.Sort();
        }

        return stamps;
    }

    // Records the query options of every table query the source sends.
    private sealed class RecordingPolicy : HttpPipelineSynchronousPolicy
    {
        private readonly List<Dictionary<string, string>> queries = [];

        public IReadOnlyList<Dictionary<string, string>> Queries
        {
            get
            {
                lock (queries)
                {
                    return [.. queries];
                }
            }
        }

        public override void OnSendingRequest(HttpMessage message)
        {
            var uri = message.Request.Uri.ToUri();
            if (message.Request.Method != RequestMethod.Get || !uri.AbsolutePath.Contains("()", StringComparison.Ordinal))
            {
                return;
            }

            var query = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=', 2))
                .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : string.Empty, StringComparer.Ordinal);
            lock (queries)
            {
                queries.Add(query);
            }
        }
    }
}
