using Azure.Data.Tables;
using Microsoft.Data.Sqlite;
using Monitoring.Azure.Ingestion;
using Monitoring.Azure.Tests.Support;
using Monitoring.Core.Alerting;
using Monitoring.Core.Ports;
using Monitoring.Core.Results;
using Monitoring.Core.Spool;
using Monitoring.Local.Sqlite;
using Xunit;
using static Monitoring.Contracts.MonitorTableSamples;

namespace Monitoring.Azure.Tests.Ingestion;

/// <summary>
/// The spooling writer against the ingestion fake, on both spools: SQLite (a file) and Azure Tables (Azurite).
/// Rows are counted at the fake, by id: RunId for check runs, TimeGenerated for heartbeats.
/// </summary>
public sealed class SpoolingResultsWriterTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Token = "test-token-spool";
    private const string RuleId = "dcr-00000000000000000000000000000003";
    private const string CheckRuns = "Custom-MonitorCheckRun_CL";
    private const string Heartbeats = "Custom-MonitorHeartbeat_CL";

    private readonly FastForwardTimeProvider clock = new(Noon);
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("monitoring-spool-");
    private readonly List<SqliteDatabase> databases = [];
    private readonly string table = AzuriteFixture.UniqueName("spool");
    private IngestionFake fake = null!;
    private bool down;

    public static TheoryData<string> Spools => ["sqlite", "tables"];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        fake = await IngestionFake.StartAsync(Token);
        fake.IsDown = () => down;
    }

    public async ValueTask DisposeAsync()
    {
        await fake.DisposeAsync();
        foreach (var database in databases)
        {
            database.Dispose();
        }

        SqliteConnection.ClearAllPools();
        directory.Delete(recursive: true);
    }

    [Theory]
    [MemberData(nameof(Spools))]
    public async Task AppendAsync_DeliversEveryRowOldestFirstPerStream_WhenTheServiceWasDownForAStretchUnderThrottling(string spool)
    {
        fake.Seed(30);
        fake.ThrottleProbability = 0.3;
        using var writer = Writer(await OpenSpoolAsync(spool));

        down = true;
        for (var minute = 0; minute < 20; minute++)
        {
            await writer.AppendAsync(Batch(minute), Cancellation);
        }

        Assert.Empty(fake.RowsOf(CheckRuns));
        Assert.Equal(40, (await writer.SizeAsync(Cancellation)).Rows);

        down = false;
        for (var minute = 20; minute < 25; minute++)
        {
            await writer.AppendAsync(Batch(minute), Cancellation);
        }

        AssertDeliveredInOrder(CheckRuns, Enumerable.Range(0, 25).Select(RunIdOf));
        AssertDeliveredInOrder(Heartbeats, Enumerable.Range(0, 25).Select(HeartbeatIdOf));
        Assert.Equal(0, (await writer.SizeAsync(Cancellation)).Rows);
    }

    [Theory]
    [MemberData(nameof(Spools))]
    public async Task FlushAsync_DeliversEveryRowAppendedBeforeARestart_WhenANewWriterOpensTheSameSpoolMidOutage(string spool)
    {
        down = true;
        using (var before = Writer(await OpenSpoolAsync(spool)))
        {
            for (var minute = 0; minute < 30; minute++)
            {
                await before.AppendAsync(Batch(minute), Cancellation);
            }
        }

        using var after = Writer(await OpenSpoolAsync(spool));
        Assert.NotNull((await after.FlushAsync(Cancellation)).Failure);
        down = false;

        var flushed = await after.FlushAsync(Cancellation);

        Assert.Null(flushed.Failure);
        Assert.Equal(60, flushed.DeliveredRows);
        var arrived = fake.RowsOf(CheckRuns).Select(r => (string)r["RunId"]!).CountBy(id => id).ToDictionary();
        Assert.All(Enumerable.Range(0, 30).Select(RunIdOf), id => Assert.True(arrived.GetValueOrDefault(id) >= 1, $"{id} never arrived."));
        AssertDeliveredInOrder(Heartbeats, Enumerable.Range(0, 30).Select(HeartbeatIdOf));
        Assert.Equal(0, (await after.SizeAsync(Cancellation)).Rows);
    }

    [Theory]
    [MemberData(nameof(Spools))]
    public async Task AppendAsync_KeepsTheNewestRowsAndCountsTheRest_WhenAnOutageOutgrowsTheBound(string spool)
    {
        using var writer = Writer(await OpenSpoolAsync(spool, new RowSpoolBound(10, 10_000_000)));
        down = true;
        for (var minute = 0; minute < 25; minute++)
        {
            await writer.AppendAsync([CheckRunRows.ToRow(RunOf("home", Noon.AddMinutes(minute)))], Cancellation);
        }

        var size = (await writer.SizeAsync(Cancellation)).Of(CheckRuns)!;
        Assert.Equal((10L, 15L), (size.Rows, size.DroppedRows));

        down = false;
        await writer.FlushAsync(Cancellation);

        Assert.Equal(Enumerable.Range(15, 10).Select(RunIdOf), fake.RowsOf(CheckRuns).Select(r => (string)r["RunId"]!));
        Assert.Equal(15, (await writer.SizeAsync(Cancellation)).DroppedRows);
    }

    [Fact]
    public async Task ObserveAsync_BreachesTheSpoolAlert_WhenTheOldestRowWaitsLongerThanFifteenMinutes()
    {
        using var writer = Writer(await OpenSpoolAsync("sqlite"));
        down = true;
        await writer.AppendAsync(Batch(0), Cancellation);

        var young = await writer.ObserveAsync(Cancellation);
        clock.Advance(SpoolAlerts.OldestRowLimit);
        var old = await writer.ObserveAsync(Cancellation);
        down = false;
        await writer.FlushAsync(Cancellation);
        var drained = await writer.ObserveAsync(Cancellation);

        Assert.Equal((SpoolAlerts.GrowingKey, AlertSeverity.Warning), (old.Definition.Key, old.Definition.Severity));
        Assert.Equal((false, true, false), (young.Breaching, old.Breaching, drained.Breaching));
        Assert.StartsWith("2 rows", old.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FlushAsync_DeliversOtherStreams_WhenTheServiceRefusesOneStream()
    {
        using var writer = Writer(await OpenSpoolAsync("sqlite"), TimeSpan.FromMinutes(1));
        fake.Script(new IngestionFault(400, "InvalidStream", "The stream is not declared in the rule."));

        await writer.AppendAsync(Batch(0), Cancellation);

        Assert.Empty(fake.RowsOf(CheckRuns));
        Assert.Single(fake.RowsOf(Heartbeats));
        var left = await writer.SizeAsync(Cancellation);
        Assert.Equal([(CheckRuns, 1L)], left.Streams.Where(s => s.Rows > 0).Select(s => (s.Stream, s.Rows)));
    }

    [Fact]
    public async Task AppendAsync_OnlySpools_WithinTheBackoffAfterAFailedFlush()
    {
        using var writer = Writer(await OpenSpoolAsync("sqlite"), TimeSpan.FromHours(1));
        down = true;
        await writer.AppendAsync(Batch(0), Cancellation);
        var calls = fake.Requests.Count;
        down = false;

        await writer.AppendAsync(Batch(1), Cancellation);

        Assert.Equal(calls, fake.Requests.Count);
        Assert.Equal(4, (await writer.SizeAsync(Cancellation)).Rows);
        Assert.Equal((4L, null), ((await writer.FlushAsync(Cancellation)).DeliveredRows, (await writer.FlushAsync(Cancellation)).Failure));
    }

    [Fact]
    public async Task AppendAsync_SpoolsNothing_WhenAValueDoesNotFitItsColumn()
    {
        using var writer = Writer(await OpenSpoolAsync("sqlite"));
        var good = RowOf(MonitorTables.Heartbeat, Noon);
        var bad = new TableRow(MonitorTables.Heartbeat, good.Values.SetItem(MonitorTables.Heartbeat.IndexOf("ChecksConfigured"), "twelve"));

        await Assert.ThrowsAsync<ArgumentException>(() => writer.AppendAsync([CheckRunRows.ToRow(CheckoutRun), good, bad], Cancellation));

        Assert.Empty((await writer.SizeAsync(Cancellation)).Streams);
        Assert.Empty(fake.Requests);
    }

    private static TableRow[] Batch(int minute) =>
        [CheckRunRows.ToRow(RunOf("home", Noon.AddMinutes(minute))), RowOf(MonitorTables.Heartbeat, Noon.AddMinutes(minute))];

    private static string RunIdOf(int minute) => RunOf("home", Noon.AddMinutes(minute)).RunId;

    private static string HeartbeatIdOf(int minute) => Noon.AddMinutes(minute).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    // At least once: every row arrived, and the first arrivals are in append order.
    private void AssertDeliveredInOrder(string stream, IEnumerable<string> expected)
    {
        var id = stream == CheckRuns ? "RunId" : "TimeGenerated";
        var arrived = fake.RowsOf(stream).Select(r => (string)r[id]!).ToList();
        Assert.Equal(expected, arrived.Distinct());
    }

    private async Task<IRowSpool> OpenSpoolAsync(string kind, RowSpoolBound? bound = null)
    {
        if (kind == "tables")
        {
            return new TableRowSpool(new TableClient(azurite.ConnectionString, table), bound, clock);
        }

        var database = new SqliteDatabase(new SqliteStoreOptions(Path.Combine(directory.FullName, "monitoring.db")), clock);
        databases.Add(database);
        await database.InitializeAsync(Cancellation);
        return new SqliteRowSpool(database, bound, clock);
    }

    private SpoolingResultsWriter Writer(IRowSpool spool, TimeSpan? backoff = null) => new(
        new LogAnalyticsResultsWriter(
            new LogsIngestionClient(fake.Endpoint, new StaticTokenCredential(Token), fake.ClientOptions(clock)),
            new LogAnalyticsResultsWriterOptions { RuleId = RuleId }),
        spool,
        new SpoolingResultsWriterOptions { FailureBackoff = backoff ?? TimeSpan.Zero, TimeProvider = clock });
}
