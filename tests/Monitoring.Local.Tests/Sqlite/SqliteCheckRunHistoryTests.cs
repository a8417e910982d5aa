using Monitoring.Core.Results;
using Monitoring.Local.Sqlite;
using Xunit;
using static Monitoring.Contracts.MonitorTableSamples;

namespace Monitoring.Local.Tests.Sqlite;

public sealed class SqliteCheckRunHistoryTests : IDisposable
{
    private readonly TemporaryDatabase _file = new();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetRecentRuns_PutTheLaterWrittenRunFirst_WhenTwoRunsStartedInTheSameMillisecond()
    {
        var database = await _file.OpenAsync();
        var history = new SqliteCheckRunHistory(database);
        var earlier = RunOf("home", Noon) with { RunId = "written-first" };
        var later = RunOf("home", Noon) with { RunId = "written-second" };
        await new SqliteResultsWriter(database).AppendAsync([CheckRunRows.ToRow(earlier), CheckRunRows.ToRow(later)], Cancellation);

        var one = await history.GetRecentRunsAsync("home", 1, Cancellation);
        var byCheck = await history.GetRecentRunsByCheckAsync(1, Cancellation);

        Assert.Equal("written-second", Assert.Single(one).RunId);
        Assert.Equal("written-second", Assert.Single(byCheck["home"]).RunId);
    }

    public void Dispose() => _file.Dispose();
}
