using Azure.Data.Tables;
using Monitoring.Azure.Ingestion;
using Monitoring.Azure.Tests.Support;
using Monitoring.Contracts;
using Monitoring.Core.Ports;
using Monitoring.Core.Spool;
using Xunit;

namespace Monitoring.Azure.Tests.Ingestion;

/// <summary>The row spool contract, against Azure Tables on a real Azurite.</summary>
public sealed class TableRowSpoolTests(AzuriteFixture azurite) : RowSpoolContract
{
    private readonly string table = AzuriteFixture.UniqueName("spool");

    protected override Task<IRowSpool> CreateSpoolAsync(RowSpoolBound bound) => Task.FromResult<IRowSpool>(new TableRowSpool(Client(), bound, Clock));

    // A second client on the same table stands in for a second app instance, or the app restarted.
    protected override Task<IRowSpool> CreateSecondInstanceAsync(RowSpoolBound bound) => Task.FromResult<IRowSpool>(new TableRowSpool(Client(), bound, Clock));

    [Fact]
    public async Task AppendAsync_RefusesTheBatch_WhenARowIsLongerThanAnEntityHolds()
    {
        var spool = new TableRowSpool(Client(), null, Clock);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => spool.AppendAsync("Custom-MonitorCheckRun_CL", ["ok", new string('x', TableRowSpool.MaxRowLength + 1)], TestContext.Current.CancellationToken));

        Assert.Contains("Row 1", error.Message, StringComparison.Ordinal);
        Assert.Empty(await spool.StreamsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AppendAsync_KeepsCountsExact_WhenInstancesAppendAndAcknowledgeAtOnce()
    {
        var spools = Enumerable.Range(0, 4).Select(_ => new TableRowSpool(Client(), null, Clock)).ToList();
        await spools[0].AppendAsync("Custom-MonitorCheckRun_CL", ["seed"], TestContext.Current.CancellationToken);

        await Task.WhenAll(spools.Select((spool, i) => Task.Run(
            async () =>
            {
                for (var j = 0; j < 5; j++)
                {
                    await spool.AppendAsync("Custom-MonitorCheckRun_CL", [$"{i}-{j}-a", $"{i}-{j}-b"], TestContext.Current.CancellationToken);
                    var oldest = await spool.ReadOldestAsync("Custom-MonitorCheckRun_CL", 1, TestContext.Current.CancellationToken);
                    await spool.AcknowledgeAsync("Custom-MonitorCheckRun_CL", oldest, TestContext.Current.CancellationToken);
                }
            },
            TestContext.Current.CancellationToken)));

        var left = await spools[0].ReadOldestAsync("Custom-MonitorCheckRun_CL", 1000, TestContext.Current.CancellationToken);
        var size = (await spools[0].SizeAsync(TestContext.Current.CancellationToken)).Of("Custom-MonitorCheckRun_CL")!;
        Assert.Equal((left.Count, left.Sum(r => r.Bytes)), (size.Rows, size.Bytes));
    }

    private TableClient Client() => new(azurite.ConnectionString, table);
}
