using System.Collections.Immutable;
using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Monitoring.Azure.DataSources;
using Monitoring.Azure.Tests.Support;
using Monitoring.Core.Checks;
using Monitoring.Core.DataChecks;
using Monitoring.Core.Ports;
using Monitoring.Core.Spec;
using Xunit;

namespace Monitoring.Azure.Tests.DataSources;

/// <summary>
/// Data checks end to end on a real Azurite: the plan asks, the source reads, the evaluator judges. Azurite stamps
/// Last-Modified and Timestamp itself, so data turns stale by judging it at a later instant than it was written.
/// </summary>
public sealed class DataChecksOnAzuriteTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AStaleBlob_FailsTheFreshnessRule()
    {
        var container = new BlobContainerClient(azurite.ConnectionString, AzuriteFixture.UniqueName("landing"));
        await container.CreateAsync(cancellationToken: TestContext.Current.CancellationToken);
        var written = (await container.UploadBlobAsync("daily/orders.csv", BinaryData.FromString("id,amount\n1,10\n"), TestContext.Current.CancellationToken)).Value.LastModified;
        var check = Check(new BlobSourceSpec("Storage", container.Name, "daily/"), new DataRulesSpec(new FreshnessRuleSpec(TimeSpan.FromHours(1), null, null, null), null, null, null, null));
        var source = new BlobDataSource(Settings(), _ => throw new InvalidOperationException("a connection string needs no identity"));

        var fresh = await EvaluateAsync(source, check, written.AddMinutes(5));
        var stale = await EvaluateAsync(source, check, written.AddHours(2));

        Assert.Equal(CheckOutcome.Healthy, fresh.Find(DataRuleKinds.Freshness)!.Outcome);
        Assert.Equal((DataRuleKinds.Connection, CheckOutcome.Healthy), (stale.Results[0].Kind, stale.Results[0].Outcome));
        var freshness = stale.Find(DataRuleKinds.Freshness)!;
        Assert.Equal(CheckOutcome.Failed, freshness.Outcome);
        Assert.Equal(written, freshness.LastUpdated);
    }

    [Fact]
    public async Task AnEmptiedPartition_FailsTheVolumeRule()
    {
        var table = new TableClient(azurite.ConnectionString, AzuriteFixture.UniqueName("orders"));
        await table.CreateAsync(TestContext.Current.CancellationToken);
        foreach (var i in Enumerable.Range(0, 3))
        {
            await table.AddEntityAsync(new TableEntity("eu", $"order-{i}"), TestContext.Current.CancellationToken);
        }

        var check = Check(new TableSourceSpec("Storage", table.Name, "eu"), new DataRulesSpec(null, new VolumeRuleSpec(TimeSpan.FromHours(1), Min: 1, Max: null, MinBytes: null, null), null, null, null));
        var source = new TableDataSource(Settings(), _ => throw new InvalidOperationException("a connection string needs no identity"));

        var filled = await EvaluateAsync(source, check, DateTimeOffset.UtcNow.AddSeconds(1));
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == "eu", cancellationToken: TestContext.Current.CancellationToken))
        {
            await table.DeleteEntityAsync(entity, cancellationToken: TestContext.Current.CancellationToken);
        }

        var emptied = await EvaluateAsync(source, check, DateTimeOffset.UtcNow.AddSeconds(1));

        Assert.Equal((CheckOutcome.Healthy, 3L), (filled.Find(DataRuleKinds.Volume)!.Outcome, filled.Find(DataRuleKinds.Volume)!.RowCount));
        Assert.Equal((DataRuleKinds.Connection, CheckOutcome.Healthy), (emptied.Results[0].Kind, emptied.Results[0].Outcome));
        Assert.Equal((CheckOutcome.Failed, 0L), (emptied.Find(DataRuleKinds.Volume)!.Outcome, emptied.Find(DataRuleKinds.Volume)!.RowCount));
    }

    private static async Task<DataCheckEvaluation> EvaluateAsync(IDataSource source, DataCheckSpec check, DateTimeOffset now)
    {
        var request = DataCheckPlan.For(check, now);
        var clock = Stopwatch.StartNew();
        var observation = await source.ReadAsync(check.Source, request, TestContext.Current.CancellationToken);
        return DataCheckEvaluator.Evaluate(check, request, observation, default, clock.Elapsed);
    }

    private static DataCheckSpec Check(DataSourceSpec source, DataRulesSpec rules) => new(
        "orders-landing",
        Service: null,
        Description: null,
        Enabled: true,
        DataCheckSpec.DefaultInterval,
        DataCheckSpec.DefaultTimeout,
        Dataset: "orders",
        TimeZoneInfo.Utc,
        ImmutableDictionary<string, string>.Empty,
        source,
        rules);

    private Func<string, string?> Settings() => key => key == "Storage" ? azurite.ConnectionString : null;
}
