using Microsoft.Extensions.Time.Testing;
using Monitoring.Core.Ports;
using Monitoring.Core.Spool;
using Xunit;

namespace Monitoring.Contracts;

/// <summary>
/// The behaviour every <see cref="IRowSpool"/> adapter must have. Derive once per adapter and supply spools on one
/// storage: a second instance stands in for another app instance, or for the same app after a restart.
/// </summary>
public abstract class RowSpoolContract
{
    private const string CheckRuns = "Custom-MonitorCheckRun_CL";
    private const string Alerts = "Custom-MonitorAlert_CL";

    private static readonly RowSpoolBound Roomy = new(10_000, 10_000_000);

    /// <summary>A readable instant with whole milliseconds, the precision every spool keeps.</summary>
    protected static DateTimeOffset Noon { get; } = new(2026, 3, 14, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The clock every spool of a test stamps rows with.</summary>
    protected FakeTimeProvider Clock { get; } = new(Noon);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>A spool on fresh, empty storage, with <paramref name="bound"/>, stamping rows with <see cref="Clock"/>.</summary>
    protected abstract Task<IRowSpool> CreateSpoolAsync(RowSpoolBound bound);

    /// <summary>Another spool on the storage of the one <see cref="CreateSpoolAsync"/> made.</summary>
    protected abstract Task<IRowSpool> CreateSecondInstanceAsync(RowSpoolBound bound);

    [Fact]
    public async Task SizeAsync_IsEmptyAndNothingIsListed_WhenNothingWasAppended()
    {
        var spool = await CreateSpoolAsync(Roomy);

        Assert.Empty((await spool.SizeAsync(Cancellation)).Streams);
        Assert.Empty(await spool.StreamsAsync(Cancellation));
        Assert.Empty(await spool.ReadOldestAsync(CheckRuns, 10, Cancellation));
    }

    [Fact]
    public async Task ReadOldestAsync_ReturnsRowsInAppendOrderWithTheirTimes_AcrossAppends()
    {
        var spool = await CreateSpoolAsync(Roomy);

        await spool.AppendAsync(CheckRuns, ["r1", "r2"], Cancellation);
        Clock.Advance(TimeSpan.FromSeconds(1));
        await spool.AppendAsync(CheckRuns, ["r3"], Cancellation);

        var rows = await spool.ReadOldestAsync(CheckRuns, 10, Cancellation);
        Assert.Equal(["r1", "r2", "r3"], rows.Select(r => r.Row));
        Assert.Equal([Noon, Noon, Noon.AddSeconds(1)], rows.Select(r => r.SpooledAt));
        Assert.Equal(3, rows.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public async Task ReadOldestAsync_ReturnsOnlyTheOldestMaxRows_AndLeavesThemSpooled()
    {
        var spool = await CreateSpoolAsync(Roomy);
        await spool.AppendAsync(CheckRuns, ["r1", "r2", "r3", "r4", "r5"], Cancellation);

        var first = await spool.ReadOldestAsync(CheckRuns, 2, Cancellation);
        var again = await spool.ReadOldestAsync(CheckRuns, 2, Cancellation);

        Assert.Equal(["r1", "r2"], first.Select(r => r.Row));
        Assert.Equal(first, again);
    }

    [Fact]
    public async Task AppendAsync_KeepsOrder_WhenOneCallCarriesHundredsOfRows()
    {
        var spool = await CreateSpoolAsync(Roomy);
        var rows = Enumerable.Range(0, 250).Select(i => $$"""{"RunId":"run-{{i:D3}}"}""").ToList();

        await spool.AppendAsync(CheckRuns, rows, Cancellation);

        Assert.Equal(rows, (await spool.ReadOldestAsync(CheckRuns, 1000, Cancellation)).Select(r => r.Row));
        Assert.Equal(250, (await spool.SizeAsync(Cancellation)).Rows);
    }

    [Fact]
    public async Task ReadOldestAsync_ReturnsRowsExactly_WhenTheyHoldUnicodeQuotesAndManyCharacters()
    {
        var spool = await CreateSpoolAsync(Roomy);
        var longRow = "{\"Message\":\"" + string.Concat(Enumerable.Range(0, 70_000).Select(i => (char)('a' + (i % 26)))) + "\"}";
        string[] rows = ["""{"Message":"caf\u00e9 ☕ 🚀 'quoted' \"escaped\" <tag> & \\ back"}""", "", longRow];

        await spool.AppendAsync(CheckRuns, rows, Cancellation);

        Assert.Equal(rows, (await spool.ReadOldestAsync(CheckRuns, 10, Cancellation)).Select(r => r.Row));
    }

    [Fact]
    public async Task AcknowledgeAsync_DeletesOnlyTheAcknowledgedRows()
    {
        var spool = await CreateSpoolAsync(Roomy);
        await spool.AppendAsync(CheckRuns, ["r1", "r2", "r3", "r4"], Cancellation);

        await spool.AcknowledgeAsync(CheckRuns, await spool.ReadOldestAsync(CheckRuns, 2, Cancellation), Cancellation);

        Assert.Equal(["r3", "r4"], (await spool.ReadOldestAsync(CheckRuns, 10, Cancellation)).Select(r => r.Row));
        Assert.Equal((2L, 4L), ((await spool.SizeAsync(Cancellation)).Rows, (await spool.SizeAsync(Cancellation)).Bytes));
    }

    [Fact]
    public async Task AcknowledgeAsync_IgnoresRowsAlreadyGone_WhenAnotherInstanceAcknowledgedThemFirst()
    {
        var first = await CreateSpoolAsync(Roomy);
        var second = await CreateSecondInstanceAsync(Roomy);
        await first.AppendAsync(CheckRuns, ["r1", "r2", "r3"], Cancellation);
        var readByFirst = await first.ReadOldestAsync(CheckRuns, 10, Cancellation);
        var readBySecond = await second.ReadOldestAsync(CheckRuns, 2, Cancellation);

        await second.AcknowledgeAsync(CheckRuns, readBySecond, Cancellation);
        await first.AcknowledgeAsync(CheckRuns, readByFirst, Cancellation);

        Assert.Empty(await first.ReadOldestAsync(CheckRuns, 10, Cancellation));
        Assert.Empty((await second.SizeAsync(Cancellation)).Streams);
    }

    [Fact]
    public async Task AcknowledgeAsync_NeverDeletesANewerRow_WhenTheReadWasStale()
    {
        var first = await CreateSpoolAsync(Roomy);
        var second = await CreateSecondInstanceAsync(Roomy);
        await first.AppendAsync(CheckRuns, ["r1"], Cancellation);
        var stale = await first.ReadOldestAsync(CheckRuns, 10, Cancellation);
        await second.AcknowledgeAsync(CheckRuns, await second.ReadOldestAsync(CheckRuns, 10, Cancellation), Cancellation);
        await second.AppendAsync(CheckRuns, ["r2"], Cancellation);

        await first.AcknowledgeAsync(CheckRuns, stale, Cancellation);

        Assert.Equal(["r2"], (await first.ReadOldestAsync(CheckRuns, 10, Cancellation)).Select(r => r.Row));
        Assert.Equal(1, (await first.SizeAsync(Cancellation)).Rows);
    }

    [Fact]
    public async Task ReadOldestAsync_SeesRowsAppendedBeforeARestart_FromANewInstance()
    {
        var before = await CreateSpoolAsync(Roomy);
        await before.AppendAsync(CheckRuns, ["r1", "r2"], Cancellation);
        await before.AppendAsync(Alerts, ["a1"], Cancellation);

        var after = await CreateSecondInstanceAsync(Roomy);

        Assert.Equal([Alerts, CheckRuns], await after.StreamsAsync(Cancellation));
        Assert.Equal(["r1", "r2"], (await after.ReadOldestAsync(CheckRuns, 10, Cancellation)).Select(r => r.Row));
        Assert.Equal(["a1"], (await after.ReadOldestAsync(Alerts, 10, Cancellation)).Select(r => r.Row));
    }

    [Fact]
    public async Task ReadOldestAsync_KeepsOrder_WhenTwoInstancesAppendInTurn()
    {
        var first = await CreateSpoolAsync(Roomy);
        var second = await CreateSecondInstanceAsync(Roomy);

        await first.AppendAsync(CheckRuns, ["r1"], Cancellation);
        Clock.Advance(TimeSpan.FromMilliseconds(1));
        await second.AppendAsync(CheckRuns, ["r2"], Cancellation);
        Clock.Advance(TimeSpan.FromMilliseconds(1));
        await first.AppendAsync(CheckRuns, ["r3"], Cancellation);

        Assert.Equal(["r1", "r2", "r3"], (await second.ReadOldestAsync(CheckRuns, 10, Cancellation)).Select(r => r.Row));
    }

    [Fact]
    public async Task StreamsAsync_ListsStreamsThatHoldRows_AndForgetsOnesEmptied()
    {
        var spool = await CreateSpoolAsync(Roomy);
        await spool.AppendAsync(CheckRuns, ["r1"], Cancellation);
        await spool.AppendAsync(Alerts, ["a1"], Cancellation);
        Assert.Equal([Alerts, CheckRuns], await spool.StreamsAsync(Cancellation));

        await spool.AcknowledgeAsync(Alerts, await spool.ReadOldestAsync(Alerts, 10, Cancellation), Cancellation);

        Assert.Equal([CheckRuns], await spool.StreamsAsync(Cancellation));
        Assert.Equal(["r1"], (await spool.ReadOldestAsync(CheckRuns, 10, Cancellation)).Select(r => r.Row));
    }

    [Fact]
    public async Task SizeAsync_CountsRowsUtf8BytesAndOldestRow_PerStream()
    {
        var spool = await CreateSpoolAsync(Roomy);
        await spool.AppendAsync(CheckRuns, ["ab", "é"], Cancellation);
        Clock.Advance(TimeSpan.FromMinutes(5));
        await spool.AppendAsync(Alerts, ["🚀"], Cancellation);
        await spool.AppendAsync(CheckRuns, ["c"], Cancellation);

        var size = await spool.SizeAsync(Cancellation);

        Assert.Equal(
            [new StreamSpoolSize(Alerts, 1, 4, Noon.AddMinutes(5), 0), new StreamSpoolSize(CheckRuns, 3, 5, Noon, 0)],
            size.Streams);
        Assert.Equal((4L, 9L, Noon), (size.Rows, size.Bytes, size.OldestSpooledAt!.Value));
    }

    [Fact]
    public async Task AppendAsync_DropsTheOldestRowsAndCountsThem_WhenAStreamPassesItsRowBound()
    {
        var spool = await CreateSpoolAsync(new RowSpoolBound(3, 10_000_000));
        await spool.AppendAsync(Alerts, ["a1"], Cancellation);
        await spool.AppendAsync(CheckRuns, ["r1", "r2"], Cancellation);

        await spool.AppendAsync(CheckRuns, ["r3", "r4", "r5"], Cancellation);

        Assert.Equal(["r3", "r4", "r5"], (await spool.ReadOldestAsync(CheckRuns, 10, Cancellation)).Select(r => r.Row));
        Assert.Equal(["a1"], (await spool.ReadOldestAsync(Alerts, 10, Cancellation)).Select(r => r.Row));
        var size = await spool.SizeAsync(Cancellation);
        Assert.Equal((3L, 2L), (size.Of(CheckRuns)!.Rows, size.Of(CheckRuns)!.DroppedRows));
        Assert.Equal(0, size.Of(Alerts)!.DroppedRows);
    }

    [Fact]
    public async Task AppendAsync_DropsTheOldestRows_WhenAStreamPassesItsByteBound()
    {
        var spool = await CreateSpoolAsync(new RowSpoolBound(10_000, 10));
        await spool.AppendAsync(CheckRuns, ["aaaa", "bbbb"], Cancellation);

        await spool.AppendAsync(CheckRuns, ["cccc"], Cancellation);

        Assert.Equal(["bbbb", "cccc"], (await spool.ReadOldestAsync(CheckRuns, 10, Cancellation)).Select(r => r.Row));
        Assert.Equal(new StreamSpoolSize(CheckRuns, 2, 8, Noon, 1), (await spool.SizeAsync(Cancellation)).Of(CheckRuns));
    }

    [Fact]
    public async Task SizeAsync_KeepsTheDropCount_WhenTheStreamIsEmptiedLater()
    {
        var spool = await CreateSpoolAsync(new RowSpoolBound(1, 10_000_000));
        await spool.AppendAsync(CheckRuns, ["r1", "r2", "r3"], Cancellation);

        await spool.AcknowledgeAsync(CheckRuns, await spool.ReadOldestAsync(CheckRuns, 10, Cancellation), Cancellation);

        Assert.Equal([new StreamSpoolSize(CheckRuns, 0, 0, null, 2)], (await spool.SizeAsync(Cancellation)).Streams);
        Assert.Empty(await spool.StreamsAsync(Cancellation));
    }
}
