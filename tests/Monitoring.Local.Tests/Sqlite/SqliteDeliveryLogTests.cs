using Monitoring.Contracts;
using Monitoring.Core.Results;
using Monitoring.Local.Sqlite;
using Xunit;
using static Monitoring.Contracts.MonitorTableSamples;

namespace Monitoring.Local.Tests.Sqlite;

public sealed class SqliteDeliveryLogTests : DeliveryLogContract, IDisposable
{
    private readonly TemporaryDatabase _file = new();

    protected override async Task<DeliveryLogUnderTest> CreateAsync()
    {
        var database = await _file.OpenAsync();
        return new DeliveryLogUnderTest(new SqliteResultsWriter(database), new SqliteDeliveryLog(database));
    }

    [Fact]
    public async Task ReadRecentAsync_ReturnsDeliveriesWrittenBeforeARestart()
    {
        var before = await _file.OpenAsync();
        await new SqliteResultsWriter(before).AppendAsync([DeliveryRows.ToRow(DeliveryOf("ops-hook", Noon))], TestContext.Current.CancellationToken);
        before.Dispose();

        var after = await _file.OpenAsync();
        var read = await new SqliteDeliveryLog(after).ReadRecentAsync(10, TestContext.Current.CancellationToken);

        Assert.Equal([("ops-hook", Noon)], read.Select(d => (d.Channel, d.At)));
    }

    public void Dispose() => _file.Dispose();
}
