using Monitoring.Azure.Ingestion;
using Monitoring.Core.Results;
using Monitoring.Infra.Tests.Support;
using Xunit;

namespace Monitoring.Infra.Tests;

/// <summary>
/// The Direct data collection rule takes every monitor table on its <c>Custom-&lt;Table&gt;</c> stream, as the app
/// sends it, and passes it unchanged to the table in the workspace.
/// </summary>
public sealed class DataCollectionRuleTests
{
    [Fact]
    public async Task Rule_IsDirect_WithAWorkspaceDestination()
    {
        var deployment = await CompiledMain.MinimalAsync();

        var rule = deployment.Single("Microsoft.Insights/dataCollectionRules");
        var workspace = deployment.Single("Microsoft.OperationalInsights/workspaces");
        var destinations = rule.Properties.At("destinations.logAnalytics")!.AsArray();

        Assert.Equal("Direct", rule.Body.StringAt("kind"));
        Assert.Null(rule.Properties["dataCollectionEndpointId"]);
        var destination = Assert.Single(destinations);
        Assert.Equal(workspace.Id, destination.StringAt("workspaceResourceId"), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task StreamDeclarations_AreTheMonitorTables_WithStreamTypes()
    {
        var deployment = await CompiledMain.MinimalAsync();

        var declarations = deployment.Single("Microsoft.Insights/dataCollectionRules").Properties.At("streamDeclarations")!.AsObject();

        Assert.Equal(MonitorTables.All.Select(MonitorTablesJson.StreamName).Order(), declarations.Select(d => d.Key).Order());
        Assert.True(declarations.Count <= 10, "A rule takes at most 10 streams.");
        foreach (var table in MonitorTables.All)
        {
            var columns = declarations[MonitorTablesJson.StreamName(table)]!.At("columns")!.AsArray()
                .Select(c => (c.StringAt("name"), c.StringAt("type")));
            Assert.Equal(table.Columns.Select(c => ((string?)c.Name, (string?)MonitorTablesJson.StreamColumnType(c.Type))), columns);
        }
    }

    [Fact]
    public async Task DataFlows_CarryEveryStream_Unchanged_ToItsTable()
    {
        var deployment = await CompiledMain.MinimalAsync();

        var rule = deployment.Single("Microsoft.Insights/dataCollectionRules");
        var destination = rule.Properties.At("destinations.logAnalytics")!.AsArray()[0].StringAt("name");
        var flows = rule.Properties.At("dataFlows")!.AsArray();

        Assert.True(flows.Count <= 10, "A rule takes at most 10 data flows.");
        foreach (var table in MonitorTables.All)
        {
            var stream = MonitorTablesJson.StreamName(table);
            var flow = Assert.Single(flows, f => f.StringAt("outputStream") == stream);
            Assert.Equal([stream], flow!.At("streams")!.AsArray().Select(s => s!.GetValue<string>()));
            Assert.Equal([destination], flow.At("destinations")!.AsArray().Select(s => s!.GetValue<string>()));
            Assert.Equal("source", flow.StringAt("transformKql"));
        }

        Assert.Equal(MonitorTables.All.Length, flows.Count);
    }

    [Fact]
    public async Task Streams_AreTheOnesTheAppWritesTo()
    {
        // The app sends each table to Custom-<Table> unless Monitoring__Azure__Streams overrides it; the deployment sets no override.
        var deployment = await CompiledMain.MinimalAsync();

        var settings = deployment.Single("Microsoft.Web/sites/config").Properties;
        Assert.DoesNotContain(settings, s => s.Key.StartsWith("Monitoring__Azure__Streams", StringComparison.OrdinalIgnoreCase));
        var app = new LogAnalyticsResultsWriterOptions { RuleId = "dcr-test" };
        var declared = deployment.Single("Microsoft.Insights/dataCollectionRules").Properties.At("streamDeclarations")!.AsObject();
        Assert.All(MonitorTables.All, t => Assert.True(declared.ContainsKey(app.StreamFor(t.Name)), $"The rule has no stream {app.StreamFor(t.Name)}."));
    }
}
