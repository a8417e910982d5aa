using Monitoring.Core.Checks;
using Monitoring.Core.Results;
using Xunit;
using static Monitoring.Contracts.MonitorTableSamples;

namespace Monitoring.Contracts;

/// <summary>
/// The behaviour every results adapter (an <see cref="Monitoring.Core.Ports.IResultsWriter"/> with its
/// <see cref="Monitoring.Core.Ports.ICheckRunHistory"/>) must have. Derive once per adapter.
/// Stores keep TimeGenerated to the millisecond, so the samples use whole milliseconds.
/// </summary>
public abstract class ResultsStoreContract
{
    /// <summary>A writer and history on fresh, empty storage.</summary>
    protected abstract Task<ResultsStoreUnderTest> CreateStoreAsync();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("a healthy run with five steps")]
    [InlineData("a failed run with every optional field set")]
    [InlineData("a run with every optional field null and no steps")]
    [InlineData("a run with unicode text and a non-UTC start")]
    public async Task GetRecentRunsAsync_ReturnsTheRunAsWritten_WhenItIs(string @case)
    {
        var run = @case switch
        {
            "a healthy run with five steps" => CheckoutRun,
            "a failed run with every optional field set" => CheckoutRun with
            {
                Outcome = CheckOutcome.Failed,
                Attempts = 3,
                FailedStep = "checkout",
                ErrorKind = ErrorKind.HttpStatus,
                StatusCode = 503,
                Message = "Expected status 200, got 503.",
                CertDaysLeft = 0,
                Steps =
                [
                    CheckoutRun.Steps[0],
                    new("checkout", StepOutcome.Failed, 503, 1500.001, ErrorKind.HttpStatus, "Expected status 200, got 503.", false),
                    new("pay", StepOutcome.Skipped, null, 0, null, null, false),
                    new("logout", StepOutcome.Failed, null, 10000, ErrorKind.Timeout, "No response within 10 s.", true),
                ],
            },
            "a run with every optional field null and no steps" => CheckoutRun with
            {
                Service = null,
                Location = string.Empty,
                StatusCode = null,
                CertDaysLeft = null,
                Steps = [],
            },
            "a run with unicode text and a non-UTC start" => CheckoutRun with
            {
                Outcome = CheckOutcome.Degraded,
                Service = "boutique-zürich",
                Message = "Langsam: 2,5 s — über dem Limit 🐢",
                StartedAt = new DateTimeOffset(2026, 3, 14, 13, 30, 0, 250, TimeSpan.FromHours(2)),
            },
            _ => throw new ArgumentOutOfRangeException(nameof(@case), @case, "Unknown case."),
        };
        var store = await CreateStoreAsync();

        await store.Writer.AppendAsync([CheckRunRows.ToRow(run)], Cancellation);
        var runs = await store.History.GetRecentRunsAsync(run.CheckName, 10, Cancellation);

        AssertSameRun(run, Assert.Single(runs));
    }

    [Fact]
    public async Task GetRecentRunsAsync_ReturnsNewestFirstUpToLimit_WhenCheckHasMoreRuns()
    {
        var store = await CreateStoreAsync();
        var minutes = new[] { 3, 0, 4, 1, 2 };
        foreach (var minute in minutes)
        {
            await store.Writer.AppendAsync([CheckRunRows.ToRow(RunOf("home", Noon.AddMinutes(minute)))], Cancellation);
        }

        var runs = await store.History.GetRecentRunsAsync("home", 3, Cancellation);

        Assert.Equal([Noon.AddMinutes(4), Noon.AddMinutes(3), Noon.AddMinutes(2)], runs.Select(r => r.StartedAt));
    }

    [Fact]
    public async Task GetRecentRunsAsync_ReturnsOnlyThatCheck_WhenOtherChecksHaveNewerRuns()
    {
        var store = await CreateStoreAsync();
        await store.Writer.AppendAsync(
        [
            CheckRunRows.ToRow(RunOf("checkout", Noon)),
            CheckRunRows.ToRow(RunOf("checkout-eu", Noon.AddMinutes(1))),
            CheckRunRows.ToRow(RunOf("Checkout", Noon.AddMinutes(2))),
        ], Cancellation);

        var runs = await store.History.GetRecentRunsAsync("checkout", 10, Cancellation);

        Assert.Equal(["checkout@" + Noon.ToUnixTimeMilliseconds()], runs.Select(r => r.RunId));
    }

    [Fact]
    public async Task GetRecentRunsAsync_ReturnsEmpty_WhenCheckHasNoRuns()
    {
        var store = await CreateStoreAsync();
        await store.Writer.AppendAsync([CheckRunRows.ToRow(RunOf("home", Noon))], Cancellation);

        Assert.Empty(await store.History.GetRecentRunsAsync("login", 10, Cancellation));
    }

    [Fact]
    public async Task GetRecentRunsByCheckAsync_ReturnsNewestRunsOfEveryCheck_UpToLimitEach()
    {
        var store = await CreateStoreAsync();
        var runCounts = new Dictionary<string, int> { ["home"] = 4, ["login"] = 2, ["search"] = 1 };
        var rows = runCounts
            .SelectMany(check => Enumerable.Range(0, check.Value).Select(minute => RunOf(check.Key, Noon.AddMinutes(minute))))
            .OrderBy(run => run.RunId, StringComparer.Ordinal)
            .Select(CheckRunRows.ToRow)
            .ToList();
        await store.Writer.AppendAsync(rows, Cancellation);

        var runsByCheck = await store.History.GetRecentRunsByCheckAsync(2, Cancellation);

        Assert.Equal(["home", "login", "search"], runsByCheck.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([Noon.AddMinutes(3), Noon.AddMinutes(2)], runsByCheck["home"].Select(r => r.StartedAt));
        Assert.Equal([Noon.AddMinutes(1), Noon], runsByCheck["login"].Select(r => r.StartedAt));
        Assert.Equal([Noon], runsByCheck["search"].Select(r => r.StartedAt));
        Assert.All(runsByCheck, pair => Assert.All(pair.Value, run => Assert.Equal(pair.Key, run.CheckName)));
    }

    [Fact]
    public async Task GetRecentRunsByCheckAsync_ReturnsEmpty_WhenNothingWasWritten()
    {
        var store = await CreateStoreAsync();

        Assert.Empty(await store.History.GetRecentRunsByCheckAsync(5, Cancellation));
    }

    public static TheoryData<string> MonitorTableNames => [.. MonitorTables.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(MonitorTableNames))]
    public async Task AppendAsync_AcceptsRows_ForEveryMonitorTable(string tableName)
    {
        var table = MonitorTables.All.Single(t => t.Name == tableName);
        var store = await CreateStoreAsync();

        var append = store.Writer.AppendAsync([RowOf(table, Noon), RowOf(table, Noon.AddMinutes(1))], Cancellation);

        Assert.Null(await Record.ExceptionAsync(() => append));
    }

    [Fact]
    public async Task AppendAsync_RejectsBatchAndWritesNothing_WhenRowsMixTables()
    {
        var store = await CreateStoreAsync();
        TableRow[] mixed = [CheckRunRows.ToRow(CheckoutRun), RowOf(MonitorTables.Heartbeat, Noon)];

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.Writer.AppendAsync(mixed, Cancellation));

        Assert.Contains(MonitorTables.Heartbeat.Name, error.Message, StringComparison.Ordinal);
        Assert.Empty(await store.History.GetRecentRunsAsync(CheckoutRun.CheckName, 10, Cancellation));
    }

    [Fact]
    public async Task AppendAsync_WritesNothing_WhenBatchIsEmpty()
    {
        var store = await CreateStoreAsync();

        await store.Writer.AppendAsync([], Cancellation);

        Assert.Empty(await store.History.GetRecentRunsByCheckAsync(5, Cancellation));
    }

    // Records compare ImmutableArray fields by reference, so the steps are compared element by element.
    private static void AssertSameRun(CheckRunResult expected, CheckRunResult actual)
    {
        Assert.Equal(expected with { Steps = [] }, actual with { Steps = [] });
        Assert.Equal(expected.Steps, actual.Steps);
        Assert.Equal(TimeSpan.Zero, actual.StartedAt.Offset);
    }
}
