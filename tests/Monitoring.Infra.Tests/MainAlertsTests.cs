using Monitoring.Infra.Tests.Support;
using Xunit;

namespace Monitoring.Infra.Tests;

/// <summary>main.bicep deploys the alerts and the workbooks with what the azd environment gives it.</summary>
public sealed class MainAlertsTests
{
    [Fact]
    public async Task AlertEmails_FromTheCommaSeparatedSetting_AreTheCriticalActionGroupsEmailReceivers()
    {
        var deployment = await CompiledMain.FullAsync();

        var groups = deployment.OfType("Microsoft.Insights/actionGroups");
        var critical = Assert.Single(groups, g => g.Properties.StringAt("groupShortName") is { } name && name.Contains("crit", StringComparison.OrdinalIgnoreCase));
        var addresses = critical.Properties.At("emailReceivers")!.AsArray().Select(r => r.StringAt("emailAddress"));

        Assert.Equal(["oncall@example.com", "lead@example.com"], addresses);
    }

    [Fact]
    public async Task EveryLogAlertRule_HasAnActionGroup_AndARunbookServedByTheApp()
    {
        var deployment = await CompiledMain.MinimalAsync();

        var rules = deployment.OfType("Microsoft.Insights/scheduledQueryRules");

        Assert.NotEmpty(rules);
        Assert.All(rules, rule =>
        {
            Assert.NotEmpty(rule.Properties.At("actions.actionGroups")!.AsArray());
            Assert.Contains("/api/runbooks/", rule.Properties.StringAt("actions.customProperties.runbookUrl"), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Workbooks_AreDeployed_OnTheWorkspace()
    {
        var deployment = await CompiledMain.MinimalAsync();
        var workspace = deployment.Single("Microsoft.OperationalInsights/workspaces");

        var workbooks = deployment.OfType("Microsoft.Insights/workbooks");

        Assert.Equal(3, workbooks.Count);
        Assert.All(workbooks, w => Assert.Equal(workspace.Id, w.Properties.StringAt("sourceId")));
    }
}
