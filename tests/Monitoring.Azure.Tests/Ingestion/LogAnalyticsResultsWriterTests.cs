using System.Text.Json;
using System.Text.Json.Nodes;
using Monitoring.Azure.Ingestion;
using Monitoring.Azure.Tests.Support;
using Monitoring.Core.Results;
using Xunit;
using static Monitoring.Contracts.MonitorTableSamples;

namespace Monitoring.Azure.Tests.Ingestion;

public sealed class LogAnalyticsResultsWriterTests : IAsyncLifetime
{
    private const string Token = "test-token-results";
    private const string RuleId = "dcr-00000000000000000000000000000002";

    private readonly FastForwardTimeProvider clock = new(Noon);
    private IngestionFake fake = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => fake = await IngestionFake.StartAsync(Token);

    public async ValueTask DisposeAsync() => await fake.DisposeAsync();

    [Fact]
    public async Task AppendAsync_SendsEachTableToItsStreamWithItsColumnsAndJsonTypes_WhenGivenARowOfEveryTable()
    {
        var rows = MonitorTables.All.Select(table => RowOf(table, Noon)).ToArray();

        await Writer().AppendAsync(rows, Cancellation);

        Assert.Equal(MonitorTables.All.Length, fake.Requests.Count);
        foreach (var table in MonitorTables.All)
        {
            var sent = Assert.Single(fake.RowsOf("Custom-" + table.Name));
            Assert.Equal(table.Columns.Select(c => c.Name), sent.Select(p => p.Key));
            var sample = RowOf(table, Noon);
            foreach (var column in table.Columns)
            {
                AssertJson(column, sample[column.Name], sent[column.Name]);
            }
        }
    }

    [Fact]
    public async Task AppendAsync_SendsToTheMappedStream_WhenOptionsOverrideTheConvention()
    {
        var options = new LogAnalyticsResultsWriterOptions
        {
            RuleId = RuleId,
            Streams = new Dictionary<string, string> { [MonitorTables.Heartbeat.Name] = "Custom-Heartbeats" },
        };

        await Writer(options).AppendAsync([RowOf(MonitorTables.Heartbeat, Noon), RowOf(MonitorTables.Alert, Noon)], Cancellation);

        Assert.Single(fake.RowsOf("Custom-Heartbeats"));
        Assert.Single(fake.RowsOf("Custom-MonitorAlert_CL"));
        Assert.Empty(fake.RowsOf("Custom-MonitorHeartbeat_CL"));
        Assert.All(fake.Requests, call => Assert.Equal(RuleId, call.RuleId));
    }

    [Fact]
    public async Task AppendAsync_SendsOneUploadPerStream_WhenACallCarriesManyRowsOfOneTable()
    {
        var rows = Enumerable.Range(0, 50).Select(i => CheckRunRows.ToRow(RunOf("home", Noon.AddMinutes(i)))).ToArray();

        await Writer().AppendAsync(rows, Cancellation);

        Assert.Single(fake.Requests);
        Assert.Equal(rows.Select(r => (string)r["RunId"]!), fake.RowsOf("Custom-MonitorCheckRun_CL").Select(r => (string)r["RunId"]!));
    }

    [Fact]
    public async Task AppendAsync_WritesTimesInUtcAndLeavesNullsOut_WhenTheRunStartedInAnotherOffset()
    {
        var run = CheckoutRun with
        {
            StartedAt = new DateTimeOffset(2026, 3, 14, 13, 30, 0, 250, TimeSpan.FromHours(2)),
            FailedStep = null,
            StatusCode = null,
        };

        await Writer().AppendAsync([CheckRunRows.ToRow(run)], Cancellation);

        var sent = Assert.Single(fake.RowsOf("Custom-MonitorCheckRun_CL"));
        Assert.Equal("2026-03-14T11:30:00.2500000Z", (string)sent["TimeGenerated"]!);
        Assert.False(sent.ContainsKey("FailedStep"));
        Assert.False(sent.ContainsKey("StatusCode"));
        Assert.Equal(JsonValueKind.Array, sent["Steps"]!.GetValueKind());
    }

    [Fact]
    public async Task AppendAsync_SendsNothing_WhenAValueDoesNotFitItsColumn()
    {
        var table = MonitorTables.Heartbeat;
        var good = RowOf(table, Noon);
        var bad = new TableRow(table, good.Values.SetItem(table.IndexOf("ChecksConfigured"), "twelve"));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Writer().AppendAsync([RowOf(MonitorTables.Alert, Noon), good, bad], Cancellation));

        Assert.Contains("MonitorHeartbeat_CL.ChecksConfigured", error.Message, StringComparison.Ordinal);
        Assert.Empty(fake.Requests);
    }

    private LogAnalyticsResultsWriter Writer(LogAnalyticsResultsWriterOptions? options = null) => new(
        new LogsIngestionClient(fake.Endpoint, new StaticTokenCredential(Token), fake.ClientOptions(clock)),
        options ?? new LogAnalyticsResultsWriterOptions { RuleId = RuleId });

    private static void AssertJson(ColumnDefinition column, object? expected, JsonNode? actual)
    {
        Assert.NotNull(actual);
        switch (column.Type)
        {
            case ColumnType.String:
                Assert.Equal(JsonValueKind.String, actual.GetValueKind());
                Assert.Equal((string)expected!, actual.GetValue<string>());
                break;
            case ColumnType.Int:
                Assert.Equal(JsonValueKind.Number, actual.GetValueKind());
                Assert.Equal((int)expected!, actual.GetValue<int>());
                break;
            case ColumnType.Long:
                Assert.Equal(JsonValueKind.Number, actual.GetValueKind());
                Assert.Equal((long)expected!, actual.GetValue<long>());
                break;
            case ColumnType.Real:
                Assert.Equal(JsonValueKind.Number, actual.GetValueKind());
                Assert.Equal((double)expected!, actual.GetValue<double>());
                break;
            case ColumnType.Boolean:
                Assert.Equal((bool)expected! ? JsonValueKind.True : JsonValueKind.False, actual.GetValueKind());
                break;
            case ColumnType.DateTime:
                Assert.Equal(JsonValueKind.String, actual.GetValueKind());
                Assert.EndsWith("Z", actual.GetValue<string>(), StringComparison.Ordinal);
                Assert.Equal((DateTimeOffset)expected!, DateTimeOffset.Parse(actual.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
                break;
            case ColumnType.Dynamic:
                Assert.True(JsonNode.DeepEquals((JsonNode)expected!, actual), $"{column.Name}: {actual.ToJsonString()}");
                break;
            case ColumnType.Guid:
                Assert.Equal((Guid)expected!, Guid.Parse(actual.GetValue<string>()));
                break;
            default:
                Assert.Fail($"Unknown column type {column.Type}.");
                break;
        }
    }
}
