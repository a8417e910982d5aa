using Microsoft.Extensions.Time.Testing;
using Monitoring.Core.Results;
using Monitoring.Local.Sqlite;
using Xunit;
using static Monitoring.Contracts.MonitorTableSamples;

namespace Monitoring.Local.Tests.Sqlite;

public sealed class SqliteRetentionTests : IDisposable
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    private readonly TemporaryDatabase _file = new();
    private readonly FakeTimeProvider _clock = new(Noon);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PurgeAsync_DeletesRowsOlderThanRetentionFromEveryTable_AndKeepsTheRest()
    {
        var database = await _file.OpenAsync(Week);
        var now = _clock.GetUtcNow();
        var writer = new SqliteResultsWriter(database);
        foreach (var table in MonitorTables.All)
        {
            await writer.AppendAsync(
            [
                RowOf(table, now - Week - TimeSpan.FromDays(1)),
                RowOf(table, now - Week - TimeSpan.FromMilliseconds(1)),
                RowOf(table, now - Week),
                RowOf(table, now - TimeSpan.FromHours(1)),
            ], Cancellation);
        }

        var deleted = await new SqliteRetention(database).PurgeAsync(now, Cancellation);

        Assert.Equal(2 * MonitorTables.All.Length, deleted);
        foreach (var table in MonitorTables.All)
        {
            Assert.Equal([now - Week, now - TimeSpan.FromHours(1)], await TimesAsync(database, table));
        }
    }

    [Fact]
    public async Task PurgeAsync_DeletesMoreRuns_AsTimePasses()
    {
        var database = await _file.OpenAsync(Week);
        var history = new SqliteCheckRunHistory(database);
        var retention = new SqliteRetention(database);
        await new SqliteResultsWriter(database).AppendAsync(
            [.. Enumerable.Range(0, 3).Select(day => CheckRunRows.ToRow(RunOf("home", _clock.GetUtcNow().AddDays(-day))))],
            Cancellation);

        Assert.Equal(0, await retention.PurgeAsync(_clock.GetUtcNow(), Cancellation));
        _clock.Advance(TimeSpan.FromDays(6) + TimeSpan.FromHours(1));
        Assert.Equal(2, await retention.PurgeAsync(_clock.GetUtcNow(), Cancellation));

        var left = await history.GetRecentRunsAsync("home", 10, Cancellation);
        Assert.Equal([Noon], left.Select(r => r.StartedAt));
    }

    public void Dispose() => _file.Dispose();

    private static async Task<List<DateTimeOffset>> TimesAsync(SqliteDatabase database, TableDefinition table)
    {
        await using var connection = await database.OpenConnectionAsync(Cancellation);
        using var query = connection.CreateCommand();
        query.CommandText = $"""SELECT "TimeGenerated" FROM {SqliteSchema.Quote(table.Name)} ORDER BY "TimeGenerated";""";
        using var reader = await query.ExecuteReaderAsync(Cancellation);
        var times = new List<DateTimeOffset>();
        while (await reader.ReadAsync(Cancellation))
        {
            times.Add(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)));
        }

        return times;
    }
}
