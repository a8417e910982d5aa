using System.Text.Json.Nodes;
using Monitoring.Functions.Hosting;
using Monitoring.Infra.Tests.Support;
using Xunit;

namespace Monitoring.Infra.Tests;

/// <summary>The storage account holds the queue and tables the app uses, under the names it uses.</summary>
public sealed class StorageTests
{
    [Fact]
    public async Task Queues_AreTheCheckQueueAndItsPoisonQueue()
    {
        var deployment = await CompiledMain.MinimalAsync();
        var options = new MonitoringOptions();

        var queues = deployment.OfType("Microsoft.Storage/storageAccounts/queueServices/queues").Select(q => q.Name.Split('/')[^1]);

        Assert.Equal([options.CheckQueue, options.CheckQueue + "-poison"], queues.Order());
    }

    [Fact]
    public async Task CheckQueue_IsTheOneTheQueueTriggerReads()
    {
        var deployment = await CompiledMain.MinimalAsync();

        var functionJson = JsonNode.Parse(await File.ReadAllTextAsync(
            Path.Combine(BicepCli.RepositoryRoot(), "functions", "Monitoring.Functions", "RunChecks", "function.json"),
            TestContext.Current.CancellationToken))!;
        var trigger = functionJson["bindings"]!.AsArray().Single(b => b.StringAt("type") == "queueTrigger");

        Assert.Equal("AzureWebJobsStorage", trigger.StringAt("connection"));
        Assert.Contains(deployment.OfType("Microsoft.Storage/storageAccounts/queueServices/queues"), q => q.Name.EndsWith("/" + trigger.StringAt("queueName"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tables_AreTheStateAndSpoolTables()
    {
        var deployment = await CompiledMain.MinimalAsync();
        var options = new MonitoringOptions();

        var tables = deployment.OfType("Microsoft.Storage/storageAccounts/tableServices/tables").Select(t => t.Name.Split('/')[^1]);

        Assert.Equal(new[] { options.SpoolTable, options.StateTable }.Order(), tables.Order());
    }

    [Fact]
    public async Task DeploymentContainer_IsInTheAppsAccount()
    {
        var deployment = await CompiledMain.MinimalAsync();

        var account = deployment.Single("Microsoft.Storage/storageAccounts");
        var container = deployment.Single("Microsoft.Storage/storageAccounts/blobServices/containers");

        Assert.StartsWith(account.Name + "/default/app-package-", container.Name, StringComparison.Ordinal);
        Assert.InRange(container.Name.Split('/')[^1].Length, 3, 63);
    }
}
