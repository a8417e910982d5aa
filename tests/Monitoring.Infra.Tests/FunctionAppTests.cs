using System.Text.Json.Nodes;
using Monitoring.Azure.AppInsights;
using Monitoring.Azure.Configuration;
using Monitoring.Functions.Hosting;
using Monitoring.Infra.Tests.Support;
using Monitoring.Infra.Tests.Support.Arm;
using Xunit;

namespace Monitoring.Infra.Tests;

/// <summary>
/// The Functions app runs the custom handler on Flex Consumption, deployed from its blob container by its identity,
/// with exactly the app settings the app and the Functions host read, each wired to the resource it names.
/// </summary>
public sealed class FunctionAppTests
{
    private static readonly string Storage = StorageConnection.SettingName + "__";
    private static readonly string Monitor = AzureMonitorSettings.Section.Replace(":", "__", StringComparison.Ordinal) + "__";
    private static readonly string Options = MonitoringOptions.Section + "__";

    [Fact]
    public async Task Plan_IsFlexConsumption_AndTheSiteALinuxFunctionApp()
    {
        var deployment = await CompiledMain.MinimalAsync();

        var plan = deployment.Single("Microsoft.Web/serverfarms");
        var site = deployment.Single("Microsoft.Web/sites");

        Assert.Equal(("FC1", "FlexConsumption"), (plan.Body.StringAt("sku.name"), plan.Body.StringAt("sku.tier")));
        Assert.True(plan.Properties.BoolAt("reserved"), "A Flex Consumption plan is Linux (reserved).");
        Assert.Equal("functionapp,linux", site.Body.StringAt("kind"));
        Assert.Equal(plan.Id, site.Properties.StringAt("serverFarmId"), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Runtime_IsTheCustomHandler_WithScaleSettings()
    {
        var deployment = await CompiledMain.MinimalAsync();

        var config = deployment.Single("Microsoft.Web/sites").Properties.At("functionAppConfig");

        Assert.Equal("custom", config.StringAt("runtime.name"));
        Assert.Equal("1.0", config.StringAt("runtime.version"));
        Assert.Equal(100, config.At("scaleAndConcurrency.maximumInstanceCount")!.GetValue<long>());
        Assert.Equal(2048, config.At("scaleAndConcurrency.instanceMemoryMB")!.GetValue<long>());
    }

    [Fact]
    public async Task Deployment_IsFromTheStorageContainer_ByTheAppsIdentity()
    {
        var deployment = await CompiledMain.MinimalAsync();

        var storage = deployment.Single("Microsoft.Web/sites").Properties.At("functionAppConfig.deployment.storage");
        var account = deployment.Single("Microsoft.Storage/storageAccounts");
        var container = deployment.Single("Microsoft.Storage/storageAccounts/blobServices/containers");
        var identity = deployment.Single("Microsoft.ManagedIdentity/userAssignedIdentities");

        Assert.Equal("blobContainer", storage.StringAt("type"));
        Assert.Equal(Runtime.Of(account.Id, "primaryEndpoints.blob") + container.Name.Split('/')[^1], storage.StringAt("value"));
        Assert.Equal("UserAssignedIdentity", storage.StringAt("authentication.type"));
        Assert.Equal(identity.Id, storage.StringAt("authentication.userAssignedIdentityResourceId"));
    }

    [Fact]
    public async Task Settings_WireTheHostStorage_ByIdentity()
    {
        var (settings, deployment) = await SettingsAsync();

        var account = deployment.Single("Microsoft.Storage/storageAccounts").Id;
        Assert.Equal("managedidentity", settings[Storage + "credential"]);
        Assert.Equal(ClientId(deployment), settings[Storage + "clientId"]);
        Assert.Equal(Runtime.Of(account, "primaryEndpoints.blob"), settings[Storage + "blobServiceUri"]);
        Assert.Equal(Runtime.Of(account, "primaryEndpoints.queue"), settings[Storage + "queueServiceUri"]);
        Assert.Equal(Runtime.Of(account, "primaryEndpoints.table"), settings[Storage + "tableServiceUri"]);
        Assert.DoesNotContain(StorageConnection.SettingName, settings.Keys);
    }

    [Fact]
    public async Task Settings_SendTelemetry_WithEntraAuthentication()
    {
        var (settings, deployment) = await SettingsAsync();

        var components = deployment.Single("Microsoft.Insights/components").Id;
        Assert.Equal(Runtime.Of(components, "ConnectionString"), settings[AppInsightsConnection.SettingName]);
        Assert.Equal($"ClientId={ClientId(deployment)};Authorization=AAD", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
    }

    [Fact]
    public async Task Settings_WireTheAppsAzureAdapters()
    {
        var (settings, deployment) = await SettingsAsync();

        var rule = deployment.Single("Microsoft.Insights/dataCollectionRules").Id;
        var workspace = deployment.Single("Microsoft.OperationalInsights/workspaces").Id;
        var acs = deployment.Single("Microsoft.Communication/communicationServices").Id;
        var domain = deployment.Single("Microsoft.Communication/emailServices/domains").Id;

        Assert.Equal(Runtime.Of(rule, "endpoints.logsIngestion"), settings[Monitor + nameof(AzureMonitorSettings.LogsIngestionEndpoint)]);
        Assert.Equal(Runtime.Of(rule, "immutableId"), settings[Monitor + nameof(AzureMonitorSettings.DcrImmutableId)]);
        Assert.Equal(Runtime.Of(workspace, "customerId"), settings[Monitor + nameof(AzureMonitorSettings.WorkspaceId)]);
        Assert.Equal($"https://{Runtime.Of(acs, "hostName")}/", settings[Monitor + nameof(AzureMonitorSettings.AcsEndpoint)]);
        Assert.Equal($"DoNotReply@{Runtime.Of(domain, "mailFromSenderDomain")}", settings[Monitor + nameof(AzureMonitorSettings.EmailSender)]);
        Assert.Equal(ClientId(deployment), settings[Monitor + nameof(AzureMonitorSettings.ManagedIdentityClientId)]);
    }

    [Fact]
    public async Task Settings_FanChecksOut_AndKeepLocalFilesInTmp()
    {
        var (settings, _) = await SettingsAsync();

        Assert.Equal("true", settings[Options + nameof(MonitoringOptions.FanOut)]);
        // The deployed package is mounted read-only; /tmp is the instance's writable disk.
        Assert.StartsWith("/tmp/", settings[Options + nameof(MonitoringOptions.DatabasePath)], StringComparison.Ordinal);
        Assert.StartsWith("/tmp/", settings[Options + nameof(MonitoringOptions.OutboxPath)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_NameOnlyOptionsTheAppHas()
    {
        var (settings, _) = await SettingsAsync(full: true);

        foreach (var name in settings.Keys)
        {
            if (name.StartsWith(Monitor, StringComparison.Ordinal))
            {
                Assert.True(typeof(AzureMonitorSettings).GetProperty(name[Monitor.Length..]) is not null, $"{name} is not an AzureMonitorSettings property.");
            }
            else if (name.StartsWith(Options, StringComparison.Ordinal))
            {
                Assert.True(HasProperty(typeof(MonitoringOptions), name[Options.Length..]), $"{name} is not a MonitoringOptions property.");
            }
        }
    }

    // A nested option is written with "__" between the levels, as configuration binds it (AzureAlerts__TeamsWebhookUrl).
    private static bool HasProperty(Type type, string path)
    {
        foreach (var segment in path.Split("__"))
        {
            if (type.GetProperty(segment) is not { } property)
            {
                return false;
            }

            type = property.PropertyType;
        }

        return true;
    }

    [Fact]
    public async Task Settings_LeaveOutWhatFlexConsumptionSetsItself()
    {
        var (settings, _) = await SettingsAsync(full: true);

        string[] deprecatedOnFlex =
        [
            "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_CONTENTSHARE",
            "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "SCM_DO_BUILD_DURING_DEPLOYMENT", "ENABLE_ORYX_BUILD",
            "WEBSITE_NODE_DEFAULT_VERSION", "WEBSITE_MAX_DYNAMIC_APPLICATION_SCALE_OUT", "APPINSIGHTS_INSTRUMENTATIONKEY",
        ];
        Assert.Empty(settings.Keys.Intersect(deprecatedOnFlex, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task TeamsWorkflowUrl_IsASetting_OnlyWhenGiven()
    {
        var (without, _) = await SettingsAsync();
        var (with, deployment) = await SettingsAsync(full: true);

        Assert.DoesNotContain("TEAMS_WORKFLOW_URL", without.Keys);
        Assert.Equal(CompiledMain.TeamsWorkflowUrl, with["TEAMS_WORKFLOW_URL"]);
        Assert.DoesNotContain("Monitoring__AzureAlerts__TeamsWebhookUrl", without.Keys);
        Assert.Equal(CompiledMain.TeamsWorkflowUrl, with["Monitoring__AzureAlerts__TeamsWebhookUrl"]);
        Assert.Equal("securestring", deployment.ParameterDeclarations["teamsWebhookUrl"]!.StringAt("type"));
    }

    [Fact]
    public async Task Site_IsTaggedForAzd()
    {
        var deployment = await CompiledMain.MinimalAsync();

        var site = deployment.Single("Microsoft.Web/sites");
        Assert.Equal("functions", site.Body.StringAt("tags.azd-service-name"));
        Assert.Equal("test", site.Body.StringAt("tags.azd-env-name"));
    }

    private static string ClientId(ArmDeployment deployment) =>
        Runtime.Of(deployment.Single("Microsoft.ManagedIdentity/userAssignedIdentities").Id, "clientId");

    private static async Task<(Dictionary<string, string> Settings, ArmDeployment Deployment)> SettingsAsync(bool full = false)
    {
        var deployment = full ? await CompiledMain.FullAsync() : await CompiledMain.MinimalAsync();
        var site = deployment.Single("Microsoft.Web/sites");
        var config = deployment.OfType("Microsoft.Web/sites/config").Single(c => c.Name == site.Name + "/appsettings");
        var inline = site.Properties.At("siteConfig.appSettings") as JsonArray ?? [];
        Assert.Empty(inline);
        return (config.Properties.ToDictionary(p => p.Key, p => p.Value!.GetValue<string>()), deployment);
    }
}
