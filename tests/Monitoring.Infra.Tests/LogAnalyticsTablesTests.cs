using System.Text.Json.Nodes;
using Monitoring.Core.Results;
using Monitoring.Infra.Tests.Support;
using Xunit;

namespace Monitoring.Infra.Tests;

/// <summary>The workspace gets one Analytics table per monitor table, with the app's columns in order and type.</summary>
public sealed class LogAnalyticsTablesTests
{
    [Fact]
    public async Task Tables_AreTheMonitorTables()
    {
        var deployment = await CompiledMain.MinimalAsync();

        var workspace = deployment.Single("Microsoft.OperationalInsights/workspaces");
        var tables = deployment.OfType("Microsoft.OperationalInsights/workspaces/tables");

        Assert.Equal(MonitorTables.All.Select(t => $"{workspace.Name}/{t.Name}"), tables.Select(t => t.Name));
    }

    public static TheoryData<string> TableNames() => [.. MonitorTables.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(TableNames))]
    public async Task Table_HasTheAppsColumns_InOrder_WithLogAnalyticsTypes(string name)
    {
        var deployment = await CompiledMain.MinimalAsync();
        var definition = MonitorTables.All.Single(t => t.Name == name);

        var table = deployment.OfType("Microsoft.OperationalInsights/workspaces/tables").Single(t => t.Name.EndsWith("/" + name, StringComparison.Ordinal));
        var columns = table.Properties.At("schema.columns")!.AsArray().Select(c => (c.StringAt("name"), c.StringAt("type"))).ToList();

        Assert.Equal(name, table.Properties.StringAt("schema.name"));
        Assert.Equal("Analytics", table.Properties.StringAt("plan"));
        Assert.Equal(definition.Columns.Select(c => ((string?)c.Name, (string?)MonitorTablesJson.TableColumnType(c.Type))), columns);
    }

    [Fact]
    public async Task Tables_AreCustomLogs_WithTimeGenerated_AndNoReservedColumn()
    {
        var deployment = await CompiledMain.MinimalAsync();

        string[] reserved = ["_ResourceId", "id", "_SubscriptionId", "TenantId", "Type", "UniqueId", "Title"];
        foreach (var table in deployment.OfType("Microsoft.OperationalInsights/workspaces/tables"))
        {
            var columns = table.Properties.At("schema.columns")!.AsArray().Select(c => c.StringAt("name")!).ToList();
            Assert.EndsWith("_CL", table.Name, StringComparison.Ordinal);
            Assert.Equal("TimeGenerated", columns[0]);
            Assert.Equal("dateTime", table.Properties.At("schema.columns")!.AsArray()[0].StringAt("type"));
            Assert.Empty(columns.Intersect(reserved, StringComparer.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task Workspace_KeepsDataAtLeast30Days()
    {
        var deployment = await CompiledMain.MinimalAsync();

        var workspace = deployment.Single("Microsoft.OperationalInsights/workspaces");
        Assert.True(workspace.Properties.At("retentionInDays")!.GetValue<long>() >= 30);
        Assert.Equal("PerGB2018", workspace.Properties.StringAt("sku.name"));
    }

    [Fact]
    public async Task ApplicationInsights_IsWorkspaceBased()
    {
        var deployment = await CompiledMain.MinimalAsync();

        var workspace = deployment.Single("Microsoft.OperationalInsights/workspaces");
        var components = deployment.Single("Microsoft.Insights/components");
        Assert.Equal(workspace.Id, components.Properties.StringAt("WorkspaceResourceId"), StringComparer.OrdinalIgnoreCase);
        Assert.Equal("LogAnalytics", components.Properties.StringAt("IngestionMode"));
        Assert.True(components.Properties["DisableLocalAuth"] is JsonValue v && v.GetValue<bool>());
    }
}
