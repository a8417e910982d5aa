using Monitoring.Contracts;
using Monitoring.Core.Slo;
using Monitoring.Core.Spec;
using Monitoring.Local.Sqlite;
using Xunit;

namespace Monitoring.Local.Tests.Sqlite;

public sealed class SqliteSliReaderTests : SliReaderContract, IDisposable
{
    private readonly TemporaryDatabase _file = new();

    [Fact]
    public async Task CreateCommand_ReadsEachSlosRowsByTheCheckNameAndTimeIndexOfItsTable_InOneStatement()
    {
        await _file.OpenAsync();
        SliQuery[] queries =
        [
            new("available", new AvailabilitySli("checkout"), SloBudgeting.Occurrences),
            new("fresh", new FreshnessSli("orders-feed"), SloBudgeting.Timeslices),
            new("fresh-events", new FreshnessSli("orders-feed"), SloBudgeting.Occurrences),
        ];
        using var connection = _file.OpenRawConnection();
        using var command = SqliteSliReader.CreateCommand(connection, queries, [0, 1, 2], DateTimeOffset.UnixEpoch.AddDays(30), [TimeSpan.FromMinutes(5), TimeSpan.FromDays(1)]);
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;

        var plan = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.Equal(1, plan.Count(p => p.Contains("USING INDEX IX_MonitorCheckRun_CL_CheckName_TimeGenerated (CheckName=? AND TimeGenerated>? AND TimeGenerated<?)", StringComparison.Ordinal)));
        Assert.Equal(2, plan.Count(p => p.Contains("USING INDEX IX_MonitorDataCheck_CL_CheckName_TimeGenerated (CheckName=? AND TimeGenerated>? AND TimeGenerated<?)", StringComparison.Ordinal)));
        Assert.DoesNotContain(plan, p => p.StartsWith("SCAN Monitor", StringComparison.Ordinal));
    }

    protected override async Task<SliReaderUnderTest> CreateAsync()
    {
        var database = await _file.OpenAsync();
        return new SliReaderUnderTest(new SqliteResultsWriter(database), new SqliteSliReader(database));
    }

    public void Dispose() => _file.Dispose();
}
