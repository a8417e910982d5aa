using Monitoring.Core.Checks;
using Monitoring.Core.DataChecks;
using Monitoring.Core.Results;
using Monitoring.Core.Slo;
using Monitoring.Core.Spec;
using Xunit;
using static Monitoring.Contracts.MonitorTableSamples;

namespace Monitoring.Contracts;

/// <summary>
/// The behaviour every <see cref="Monitoring.Core.Ports.ISliReader"/> must have. Derive once per adapter.
/// Windows are (now − window, now]; every window asked for comes back, empty ones as zero.
/// </summary>
public abstract class SliReaderContract
{
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan OneHour = TimeSpan.FromHours(1);
    private static readonly TimeSpan OneDay = TimeSpan.FromDays(1);

    /// <summary>A writer and reader on fresh, empty storage.</summary>
    protected abstract Task<SliReaderUnderTest> CreateAsync();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static TableRow Run(string check, TimeSpan ago, CheckOutcome outcome, double durationMs = 100) =>
        CheckRunRows.ToRow(RunOf(check, Noon - ago) with { Outcome = outcome, DurationMs = durationMs });

    // A data check's row for one rule (freshness unless told) evaluated at Noon − ago.
    private static TableRow Result(string dataCheck, TimeSpan ago, CheckOutcome outcome, string kind = DataRuleKinds.Freshness)
    {
        var table = MonitorTables.DataCheck;
        var row = RowOf(table, Noon - ago);
        var values = row.Values
            .SetItem(table.IndexOf("CheckName"), dataCheck)
            .SetItem(table.IndexOf("Kind"), kind)
            .SetItem(table.IndexOf("Outcome"), outcome.ToString());
        return new TableRow(table, values);
    }

    private static SliQuery Fresh(string name, string dataCheck = "orders-feed", SloBudgeting budgeting = SloBudgeting.Timeslices) =>
        new(name, new FreshnessSli(dataCheck), budgeting);

    private static async Task<IReadOnlyList<SliWindowCounts>> ReadAsync(SliReaderUnderTest store, params SliQuery[] queries) =>
        await store.Reader.ReadAsync(queries, Noon, [FiveMinutes, OneHour, OneDay], Cancellation);

    [Fact]
    public async Task ReadAsync_CountsRunsThatDidNotFailAsGood_PerWindow_ForAvailability()
    {
        var store = await CreateAsync();
        await store.Writer.AppendAsync(
        [
            Run("checkout", TimeSpan.FromMinutes(1), CheckOutcome.Failed),
            Run("checkout", TimeSpan.FromMinutes(3), CheckOutcome.Healthy),
            Run("checkout", TimeSpan.FromMinutes(10), CheckOutcome.Degraded),
            Run("checkout", TimeSpan.FromHours(2), CheckOutcome.Failed),
            Run("checkout", TimeSpan.FromDays(2), CheckOutcome.Failed),
            Run("homepage", TimeSpan.FromMinutes(1), CheckOutcome.Failed),
        ], Cancellation);

        var counts = Assert.Single(await ReadAsync(store, new SliQuery("checkout-availability", new AvailabilitySli("checkout"), SloBudgeting.Occurrences)));

        Assert.Equal("checkout-availability", counts.SloName);
        Assert.True(counts.IsEvaluable);
        Assert.Equal(new WindowCounts(1, 2), counts[FiveMinutes]);
        Assert.Equal(new WindowCounts(2, 3), counts[OneHour]);
        Assert.Equal(new WindowCounts(2, 4), counts[OneDay]);
    }

    [Fact]
    public async Task ReadAsync_IncludesTheWindowEndAndExcludesItsStart_AndIgnoresLaterRuns()
    {
        var store = await CreateAsync();
        await store.Writer.AppendAsync(
        [
            Run("checkout", TimeSpan.Zero, CheckOutcome.Healthy),
            Run("checkout", FiveMinutes, CheckOutcome.Healthy),
            Run("checkout", TimeSpan.FromMilliseconds(-1), CheckOutcome.Failed),
        ], Cancellation);

        var counts = Assert.Single(await ReadAsync(store, new SliQuery("a", new AvailabilitySli("checkout"), SloBudgeting.Occurrences)));

        Assert.Equal(new WindowCounts(1, 1), counts[FiveMinutes]);
        Assert.Equal(new WindowCounts(2, 2), counts[OneHour]);
    }

    [Fact]
    public async Task ReadAsync_CountsFastRunsThatDidNotFailAsGood_ForLatency_WithDegradedBadOnlyWhenAsked()
    {
        var store = await CreateAsync();
        await store.Writer.AppendAsync(
        [
            Run("homepage", TimeSpan.FromMinutes(1), CheckOutcome.Healthy, 500),
            Run("homepage", TimeSpan.FromMinutes(2), CheckOutcome.Healthy, 800),
            Run("homepage", TimeSpan.FromMinutes(3), CheckOutcome.Healthy, 900),
            Run("homepage", TimeSpan.FromMinutes(4), CheckOutcome.Degraded, 700),
            Run("homepage", TimeSpan.FromMinutes(4.5), CheckOutcome.Failed, 100),
        ], Cancellation);

        var counts = await ReadAsync(store,
            new SliQuery("lenient", new LatencySli("homepage", TimeSpan.FromMilliseconds(800), DegradedIsBad: false), SloBudgeting.Occurrences),
            new SliQuery("strict", new LatencySli("homepage", TimeSpan.FromMilliseconds(800), DegradedIsBad: true), SloBudgeting.Occurrences));

        Assert.Equal(["lenient", "strict"], counts.Select(c => c.SloName));
        Assert.Equal(new WindowCounts(3, 5), counts[0][FiveMinutes]);
        Assert.Equal(new WindowCounts(2, 5), counts[1][FiveMinutes]);
    }

    [Fact]
    public async Task ReadAsync_CountsMinutesGoodOnlyWhenAllTheirEventsAre_ForTimeslices()
    {
        var store = await CreateAsync();
        await store.Writer.AppendAsync(
        [
            // 11:58: one good, one bad → a bad minute. 11:57: two good → a good minute. 11:56: one good.
            Run("checkout", TimeSpan.FromSeconds(110), CheckOutcome.Healthy),
            Run("checkout", TimeSpan.FromSeconds(100), CheckOutcome.Failed),
            Run("checkout", TimeSpan.FromSeconds(170), CheckOutcome.Healthy),
            Run("checkout", TimeSpan.FromSeconds(175), CheckOutcome.Degraded),
            Run("checkout", TimeSpan.FromSeconds(230), CheckOutcome.Healthy),
            Run("checkout", TimeSpan.FromHours(3), CheckOutcome.Failed),
        ], Cancellation);

        var counts = await ReadAsync(store,
            new SliQuery("slices", new AvailabilitySli("checkout"), SloBudgeting.Timeslices),
            new SliQuery("events", new AvailabilitySli("checkout"), SloBudgeting.Occurrences));

        Assert.Equal(new WindowCounts(2, 3), counts[0][FiveMinutes]);
        Assert.Equal(new WindowCounts(2, 4), counts[0][OneDay]);
        Assert.Equal(new WindowCounts(4, 5), counts[1][FiveMinutes]);
    }

    [Fact]
    public async Task ReadAsync_ReportsReasons_ForSlisItCannotCount_AndStillCountsTheOthersInOrder()
    {
        var store = await CreateAsync();
        await store.Writer.AppendAsync([Run("checkout", TimeSpan.FromMinutes(1), CheckOutcome.Healthy)], Cancellation);
        await store.Writer.AppendAsync([Result("orders-feed", TimeSpan.FromMinutes(2), CheckOutcome.Healthy)], Cancellation);

        var counts = await ReadAsync(store,
            Fresh("fresh"),
            new SliQuery("available", new AvailabilitySli("checkout"), SloBudgeting.Occurrences),
            new SliQuery("custom", new KqlSli("T | where ok", "T"), SloBudgeting.Occurrences));

        Assert.Equal(["fresh", "available", "custom"], counts.Select(c => c.SloName));
        Assert.True(counts[0].IsEvaluable);
        Assert.Equal(new WindowCounts(1, 1), counts[0][FiveMinutes]);
        Assert.Equal(new WindowCounts(1, 1), counts[1][FiveMinutes]);
        Assert.False(string.IsNullOrWhiteSpace(counts[2].NotEvaluableReason));
    }

    [Fact]
    public async Task ReadAsync_CountsMinutesWhoseFreshnessDidNotFail_AsGood_PerWindow_ForFreshness()
    {
        var store = await CreateAsync();
        await store.Writer.AppendAsync(
        [
            // One evaluation a minute: fresh, stale, late but within its limit (Degraded), fresh, then older stale ones.
            Result("orders-feed", TimeSpan.FromSeconds(30), CheckOutcome.Healthy),
            Result("orders-feed", TimeSpan.FromSeconds(90), CheckOutcome.Failed),
            Result("orders-feed", TimeSpan.FromSeconds(150), CheckOutcome.Degraded),
            Result("orders-feed", TimeSpan.FromSeconds(210), CheckOutcome.Healthy),
            Result("orders-feed", TimeSpan.FromMinutes(30), CheckOutcome.Failed),
            Result("orders-feed", TimeSpan.FromHours(5), CheckOutcome.Healthy),
            Result("orders-feed", TimeSpan.FromDays(2), CheckOutcome.Failed),
        ], Cancellation);

        var counts = Assert.Single(await ReadAsync(store, Fresh("orders-fresh")));

        Assert.Equal("orders-fresh", counts.SloName);
        Assert.True(counts.IsEvaluable);
        Assert.Equal(new WindowCounts(3, 4), counts[FiveMinutes]);
        Assert.Equal(new WindowCounts(3, 5), counts[OneHour]);
        Assert.Equal(new WindowCounts(4, 6), counts[OneDay]);
    }

    [Fact]
    public async Task ReadAsync_CountsOnlyItsDataChecksFreshnessResults_ForFreshness()
    {
        var store = await CreateAsync();
        await store.Writer.AppendAsync(
        [
            Result("orders-feed", TimeSpan.FromSeconds(30), CheckOutcome.Healthy),
            Result("orders-feed", TimeSpan.FromSeconds(31), CheckOutcome.Failed, DataRuleKinds.Volume),
            Result("orders-feed", TimeSpan.FromSeconds(32), CheckOutcome.Failed, DataRuleKinds.Schema),
            Result("orders-feed", TimeSpan.FromSeconds(33), CheckOutcome.Failed, DataRuleKinds.Connection),
            Result("orders-feed", TimeSpan.FromSeconds(150), CheckOutcome.Failed, DataRuleKinds.Anomaly),
            Result("payments-feed", TimeSpan.FromSeconds(34), CheckOutcome.Failed),
            Result("payments-feed", TimeSpan.FromSeconds(150), CheckOutcome.Failed),
        ], Cancellation);

        // A synthetic check that happens to share the data check's name is no freshness event either.
        await store.Writer.AppendAsync([Run("orders-feed", TimeSpan.FromSeconds(35), CheckOutcome.Failed)], Cancellation);

        var counts = await ReadAsync(store, Fresh("orders"), Fresh("payments", "payments-feed"), Fresh("nothing", "unknown-feed"));

        Assert.Equal(new WindowCounts(1, 1), counts[0][OneDay]);
        Assert.Equal(new WindowCounts(0, 2), counts[1][OneDay]);
        Assert.True(counts[2].IsEvaluable);
        Assert.All(counts[2].Windows.Values, c => Assert.Equal(WindowCounts.Empty, c));
    }

    [Fact]
    public async Task ReadAsync_CountsAFreshnessMinuteGoodOnlyWhenAllItsResultsAre_AndInAWindowWhenItsLastResultIs()
    {
        var store = await CreateAsync();
        await store.Writer.AppendAsync(
        [
            // 11:59: fresh, then stale → a bad minute. 11:58: fresh twice → a good minute.
            Result("orders-feed", TimeSpan.FromSeconds(50), CheckOutcome.Healthy),
            Result("orders-feed", TimeSpan.FromSeconds(20), CheckOutcome.Failed),
            Result("orders-feed", TimeSpan.FromSeconds(110), CheckOutcome.Healthy),
            Result("orders-feed", TimeSpan.FromSeconds(80), CheckOutcome.Degraded),

            // 11:55: stale exactly at the five-minute window's start (outside it), fresh 30 s later (inside it): the
            // minute's last result is in the window, so the whole minute is, and it is bad.
            Result("orders-feed", FiveMinutes, CheckOutcome.Failed),
            Result("orders-feed", TimeSpan.FromSeconds(270), CheckOutcome.Healthy),

            // 11:54: fresh, entirely before the five-minute window.
            Result("orders-feed", TimeSpan.FromSeconds(330), CheckOutcome.Healthy),
        ], Cancellation);

        var counts = await ReadAsync(store, Fresh("slices"), Fresh("events", budgeting: SloBudgeting.Occurrences));

        Assert.Equal(new WindowCounts(1, 3), counts[0][FiveMinutes]);
        Assert.Equal(new WindowCounts(2, 4), counts[0][OneHour]);
        Assert.Equal(new WindowCounts(4, 5), counts[1][FiveMinutes]);
        Assert.Equal(new WindowCounts(5, 7), counts[1][OneHour]);
    }

    [Fact]
    public async Task ReadAsync_AnswersZeroForEveryWindow_WhenTheCheckNeverRan()
    {
        var store = await CreateAsync();

        var counts = Assert.Single(await ReadAsync(store, new SliQuery("a", new AvailabilitySli("checkout"), SloBudgeting.Occurrences)));

        Assert.True(counts.IsEvaluable);
        Assert.Equal(3, counts.Windows.Count);
        Assert.All(counts.Windows.Values, c => Assert.Equal(WindowCounts.Empty, c));
    }
}
