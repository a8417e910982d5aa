using System.Diagnostics;
using System.Globalization;
using Monitoring.Core.Checks;
using Monitoring.Core.Results;
using Monitoring.Local.Sqlite;
using Xunit;
using static Monitoring.Contracts.MonitorTableSamples;

namespace Monitoring.Local.Tests.Sqlite;

/// <summary>
/// Figures for docs/PERFORMANCE.md, not pass/fail timings: run on demand with
/// <c>dotnet test --project tests/Monitoring.Local.Tests --filter-method "*Measure*" --explicit only --output detailed</c>.
/// </summary>
public sealed class SqliteStoreMeasurements : IDisposable
{
    private const int BatchedRows = 100_000;
    private const int BatchSize = 100;
    private const int SingleRows = 10_000;
    private const int Checks = 20;

    private static readonly string[] StepNames = ["home", "login", "add-to-cart", "checkout", "logout"];

    private readonly TemporaryDatabase _batchedFile = new();
    private readonly TemporaryDatabase _singleFile = new();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact(Explicit = true)]
    public async Task Measure_BytesPerCheckRunRowAndInsertThroughput()
    {
        var output = TestContext.Current.TestOutputHelper!;
        var runs = RealisticRuns(BatchedRows).Select(CheckRunRows.ToRow).ToList();

        var batched = await _batchedFile.OpenAsync();
        var writer = new SqliteResultsWriter(batched);
        var emptyBytes = await CheckpointedSizeAsync(batched);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < runs.Count; i += BatchSize)
        {
            await writer.AppendAsync(runs.GetRange(i, BatchSize), Cancellation);
        }

        clock.Stop();
        var fileBytes = await CheckpointedSizeAsync(batched);
        output.WriteLine(Line($"check-run rows: {BatchedRows}, 5 steps each, {Checks} checks"));
        output.WriteLine(Line($"insert, batches of {BatchSize}: {BatchedRows / clock.Elapsed.TotalSeconds:F0} rows/s"));
        output.WriteLine(Line($"file: {fileBytes} bytes ({emptyBytes} empty); {(fileBytes - emptyBytes) / (double)BatchedRows:F0} bytes per row, indexes included"));

        output.WriteLine(Line($"  of which the Steps JSON: {await AverageStepsBytesAsync(batched):F0} bytes per row on average"));

        var history = new SqliteCheckRunHistory(batched);
        output.WriteLine(Line($"latest 10 of one check: {await MedianMsAsync(() => history.GetRecentRunsAsync("check-07", 10, Cancellation)):F2} ms (median of 9)"));
        output.WriteLine(Line($"latest 10 of every check: {await MedianMsAsync(() => history.GetRecentRunsByCheckAsync(10, Cancellation)):F2} ms (median of 9)"));

        var single = await _singleFile.OpenAsync();
        var singleWriter = new SqliteResultsWriter(single);
        clock.Restart();
        foreach (var row in runs.Take(SingleRows))
        {
            await singleWriter.AppendAsync([row], Cancellation);
        }

        clock.Stop();
        output.WriteLine(Line($"insert, one row per call (one transaction each): {SingleRows / clock.Elapsed.TotalSeconds:F0} rows/s"));

        var byCheck = await history.GetRecentRunsByCheckAsync(1, Cancellation);
        Assert.Equal(Checks, byCheck.Count);
    }

    public void Dispose()
    {
        _batchedFile.Dispose();
        _singleFile.Dispose();
    }

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // Every check runs once a minute; about one run in thirty fails, as a flaky dependency would make it.
    private static IEnumerable<CheckRunResult> RealisticRuns(int count)
    {
        var random = new Random(20260314);
        for (var i = 0; i < count; i++)
        {
            var failedAt = random.Next(30) == 0 ? random.Next(StepNames.Length) : -1;
            var steps = StepNames.Select((name, s) => new StepResult(
                name,
                s == failedAt ? StepOutcome.Failed : failedAt >= 0 && s > failedAt ? StepOutcome.Skipped : StepOutcome.Passed,
                failedAt >= 0 && s > failedAt ? null : s == failedAt ? 503 : 200,
                Math.Round(40 + (random.NextDouble() * 400), 3),
                s == failedAt ? ErrorKind.HttpStatus : null,
                s == failedAt ? "Expected status 200, got 503." : null,
                s == StepNames.Length - 1)).ToList();
            yield return CheckoutRun with
            {
                CheckName = $"check-{i % Checks:D2}",
                RunId = Guid.NewGuid().ToString(),
                StartedAt = Noon.AddMinutes(i / Checks).AddMilliseconds(i % Checks * 37),
                Outcome = failedAt >= 0 ? CheckOutcome.Failed : CheckOutcome.Healthy,
                DurationMs = Math.Round(steps.Sum(s => s.DurationMs), 3),
                FailedStep = failedAt >= 0 ? StepNames[failedAt] : null,
                ErrorKind = failedAt >= 0 ? ErrorKind.HttpStatus : null,
                StatusCode = failedAt >= 0 ? 503 : 200,
                Message = failedAt >= 0 ? "Expected status 200, got 503." : null,
                Steps = [.. steps],
            };
        }
    }

    private static async Task<long> CheckpointedSizeAsync(SqliteDatabase database)
    {
        await using (var connection = await database.OpenConnectionAsync(Cancellation))
        {
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync(Cancellation);
        }

        return new FileInfo(database.FilePath).Length;
    }

    private static async Task<double> AverageStepsBytesAsync(SqliteDatabase database)
    {
        await using var connection = await database.OpenConnectionAsync(Cancellation);
        using var query = connection.CreateCommand();
        query.CommandText = """SELECT AVG(length(CAST("Steps" AS BLOB))) FROM "MonitorCheckRun_CL";""";
        return Convert.ToDouble(await query.ExecuteScalarAsync(Cancellation), CultureInfo.InvariantCulture);
    }

    private static async Task<double> MedianMsAsync<T>(Func<Task<T>> query)
    {
        var timings = new List<double>();
        for (var i = 0; i < 9; i++)
        {
            var clock = Stopwatch.StartNew();
            await query();
            timings.Add(clock.Elapsed.TotalMilliseconds);
        }

        timings.Sort();
        return timings[timings.Count / 2];
    }
}
