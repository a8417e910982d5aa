using System.Text.Json.Nodes;
using Monitoring.Core.Alerting;
using Monitoring.Infra.Tests.Support;
using Monitoring.Testing;
using Xunit;

namespace Monitoring.Infra.Tests.Alerts;

/// <summary>
/// <c>infra/app/alerts.bicep</c>: it compiles and lints clean on its own, and the template it compiles to would deploy
/// rules that each notify someone, link a runbook that exists, use the agreed severities, send the common alert schema,
/// and query the tables with KQL the official parser accepts.
/// </summary>
public sealed class AlertsModuleTests
{
    private const string RunbookBase = "https://github.example.com/org/monitoring/blob/main/docs/runbooks";

    private const string Teams = "https://prod.example.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=t0p-s3cret";

    private const string ActionGroupType = "Microsoft.Insights/actionGroups";

    private const string RuleType = "Microsoft.Insights/scheduledQueryRules";

    // One compilation serves every test: bicep takes seconds per build.
    private static readonly Lazy<Task<(JsonObject Template, string Diagnostics)>> Compiled = new(() => BicepCli.BuildAsync(ModulePath, CancellationToken.None));

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static string ModulePath => Path.Combine(BicepCli.RepositoryRoot(), "infra", "app", "alerts.bicep");

    [Fact]
    public async Task Build_ReportsNoDiagnostics()
    {
        var (_, diagnostics) = await Compiled.Value;

        Assert.Equal(string.Empty, diagnostics.Trim());
    }

    [Fact]
    public async Task Lint_ReportsNoDiagnostics_WithTheRepositoryConfiguration()
    {
        var result = await BicepCli.RunAsync(["lint", ModulePath], Cancellation);

        Assert.Equal((0, string.Empty), (result.ExitCode, (result.Output + result.Error).Trim()));
    }

    [Fact]
    public async Task Lint_ReportsNoDiagnostics_WithEveryAnalyzerRuleOn_RecentApiVersionsIncluded()
    {
        var folder = Directory.CreateTempSubdirectory("alerts-lint-");
        try
        {
            File.Copy(ModulePath, Path.Combine(folder.FullName, "alerts.bicep"));
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "bicepconfig.json"), StrictConfig(), Cancellation);

            var result = await BicepCli.RunAsync(["lint", Path.Combine(folder.FullName, "alerts.bicep")], Cancellation);

            Assert.Equal((0, string.Empty), (result.ExitCode, (result.Output + result.Error).Trim()));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Parameters_AreExactlyTheModulesContract_WithTheTeamsUrlSecureAndOptional()
    {
        var template = (await Compiled.Value).Template;
        var parameters = template["parameters"]!.AsObject();

        Assert.Equal(
            ["alertEmails", "functionAppHostName", "functionAppName", "location", "resourceToken", "runbookBaseUrl", "tags", "teamsWebhookUrl", "workspaceId"],
            parameters.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(("securestring", string.Empty), ((string?)parameters["teamsWebhookUrl"]!["type"], (string?)parameters["teamsWebhookUrl"]!["defaultValue"]));
        Assert.All(parameters.Where(p => p.Key != "teamsWebhookUrl"), p => Assert.Null(p.Value!["defaultValue"]));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task EveryRule_NotifiesAnActionGroupOfTheModule_AndLinksARunbookThatExists(bool teams)
    {
        var template = await DeployAsync(teams);
        var groups = template.Resources(ActionGroupType).Select(g => ArmTemplate.ResourceId(ActionGroupType, (string)g["name"]!)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var rules = template.Resources(RuleType);

        Assert.Equal(5, rules.Count);
        foreach (var rule in rules)
        {
            var actions = rule["properties"]!["actions"]!;
            var actionGroups = actions["actionGroups"]!.AsArray().Select(g => (string)g!).ToList();
            Assert.NotEmpty(actionGroups);
            Assert.All(actionGroups, g => Assert.Contains(g, groups));

            var runbook = (string?)actions["customProperties"]!["runbookUrl"];
            Assert.StartsWith(RunbookBase + "/", runbook, StringComparison.Ordinal);
            var file = runbook![(RunbookBase.Length + 1)..];
            Assert.Contains(file, Runbooks.All);
            Assert.True(File.Exists(Path.Combine(BicepCli.RepositoryRoot(), "docs", "runbooks", file)), $"{rule["name"]} links {file}, which is not in docs/runbooks.");
        }
    }

    [Fact]
    public async Task Severities_MapCriticalToSev1AndWarningToSev2_AndInfoHasNoRule()
    {
        var template = await DeployAsync(teams: true);
        var rules = template.Resources(RuleType).ToDictionary(r => (string)r["properties"]!["displayName"]!, StringComparer.Ordinal);
        string Group(JsonObject rule) => ((string)rule["properties"]!["actions"]!["actionGroups"]![0]!).Split('/')[^1];

        Assert.Equal(
            [
                ("Monitoring: critical alert firing", 1, "ag-critical-tok123"),
                ("Monitoring: function executions failing", 2, "ag-warning-tok123"),
                ("Monitoring: monitor heartbeat missing", 1, "ag-critical-tok123"),
                ("Monitoring: notification delivery failing", 1, "ag-critical-tok123"),
                ("Monitoring: warning alert firing", 2, "ag-warning-tok123"),
            ],
            rules.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Key, (int)r.Value["properties"]!["severity"]!, Group(r.Value))));

        // The transition rules select the engine's severities by their wire names; nothing selects info.
        var critical = Query(rules["Monitoring: critical alert firing"]);
        var warning = Query(rules["Monitoring: warning alert firing"]);
        Assert.Contains($"| where Severity == \"{AlertSeverity.Critical.ToWireName()}\"", critical, StringComparison.Ordinal);
        Assert.Contains($"| where Severity == \"{AlertSeverity.Warning.ToWireName()}\"", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(rules.Values, r => Query(r).Contains($"\"{AlertSeverity.Info.ToWireName()}\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TransitionRules_FireWhileTheLatestStateIsOpen_OneAzureAlertPerAlertKey_WithItsRunbook()
    {
        var template = await DeployAsync(teams: true);

        foreach (var rule in template.Resources(RuleType).Where(r => Query(r).StartsWith("MonitorAlert_CL", StringComparison.Ordinal)))
        {
            var properties = rule["properties"]!;
            var criterion = properties["criteria"]!["allOf"]![0]!;
            Assert.Contains($"| where State in (\"{AlertState.Firing.ToWireName()}\", \"{AlertState.Acknowledged.ToWireName()}\")", Query(rule), StringComparison.Ordinal);
            Assert.Contains("arg_max(TimeGenerated", Query(rule), StringComparison.Ordinal);
            Assert.Equal(["AlertKey", "AlertName", "Service", "RunbookUrl"], criterion["dimensions"]!.AsArray().Select(d => (string?)d!["name"]));
            Assert.Equal(("Count", "GreaterThan", 0), ((string?)criterion["timeAggregation"], (string?)criterion["operator"], (int)criterion["threshold"]!));

            // Stateful, with the whole two-day lookback: an incident stays one Azure alert until the engine resolves it.
            Assert.Equal((true, "P2D"), ((bool)properties["autoMitigate"]!, (string?)properties["overrideQueryTimeRange"]));
            Assert.Equal(["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-test/providers/Microsoft.OperationalInsights/workspaces/log-test"], properties["scopes"]!.AsArray().Select(s => (string?)s));
        }
    }

    [Fact]
    public async Task FunctionFailureRule_WatchesOnlyThisFunctionApp()
    {
        var template = await DeployAsync(teams: true);

        var rule = Assert.Single(template.Resources(RuleType), r => Query(r).StartsWith("AppRequests", StringComparison.Ordinal));
        var dimensions = rule["properties"]!["criteria"]!["allOf"]![0]!["dimensions"]!.AsArray();

        Assert.Equal(["func-monitoring-tok123"], dimensions.Single(d => (string?)d!["name"] == "AppRoleName")!["values"]!.AsArray().Select(v => (string?)v));
        Assert.Contains("tolower(AppRoleName)", Query(rule), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task EveryReceiver_UsesTheCommonAlertSchema(bool teams)
    {
        var template = await DeployAsync(teams);

        var receivers = template.Resources(ActionGroupType)
            .SelectMany(g => g["properties"]!.AsObject().Where(p => p.Key.EndsWith("Receivers", StringComparison.Ordinal)))
            .SelectMany(p => p.Value!.AsArray())
            .ToList();

        Assert.NotEmpty(receivers);
        Assert.All(receivers, r => Assert.True((bool?)r!["useCommonAlertSchema"], $"{r!["name"]} does not use the common alert schema."));
    }

    [Fact]
    public async Task WithTeams_BothGroupsCallTheAppsAlertsFunction_WithItsHostKey_AndCriticalAlsoEmailsEveryone()
    {
        var template = await DeployAsync(teams: true);
        var groups = template.Resources(ActionGroupType).ToDictionary(g => (string)g["name"]!, g => g["properties"]!, StringComparer.Ordinal);

        Assert.Equal(["ag-critical-tok123", "ag-warning-tok123"], groups.Keys.Order(StringComparer.Ordinal));
        var critical = groups["ag-critical-tok123"];
        Assert.Equal(
            [("email-1", "oncall@example.com"), ("email-2", "lead@example.com")],
            critical["emailReceivers"]!.AsArray().Select(r => ((string?)r!["name"], (string?)r["emailAddress"])));
        foreach (var group in groups.Values)
        {
            var webhook = Assert.Single(group["webhookReceivers"]!.AsArray())!;
            Assert.Equal($"https://func-monitoring-tok123.azurewebsites.net/api/alerts/azure?code={ArmTemplate.FakeKey}", (string?)webhook["serviceUri"]);
            Assert.False((bool)webhook["useAadAuth"]!);
            Assert.True(((string?)group["groupShortName"])!.Length <= 12);
            Assert.True((bool)group["enabled"]!);
        }

        // Warnings go to Teams through the app, not to everyone's inbox.
        Assert.Empty(groups["ag-warning-tok123"]["emailReceivers"]!.AsArray());
    }

    [Fact]
    public async Task WithoutTeams_NoGroupCallsTheApp_AndWarningsGoByEmail()
    {
        var template = await DeployAsync(teams: false);
        var groups = template.Resources(ActionGroupType).ToDictionary(g => (string)g["name"]!, g => g["properties"]!, StringComparer.Ordinal);

        Assert.All(groups.Values, g => Assert.Empty(g["webhookReceivers"]!.AsArray()));
        Assert.Equal(["oncall@example.com", "lead@example.com"], groups["ag-warning-tok123"]["emailReceivers"]!.AsArray().Select(r => (string?)r!["emailAddress"]));
    }

    [Fact]
    public async Task NoResourceOrOutput_CarriesTheTeamsUrl_AndNoOutputCarriesTheHostKey()
    {
        var template = await DeployAsync(teams: true);

        var everything = string.Join('\n', template.Resources().Select(r => r.ToJsonString()));
        var outputs = string.Join('\n', template.Outputs().Select(o => o.Value?.ToJsonString()));
        Assert.DoesNotContain("t0p-s3cret", everything + outputs, StringComparison.Ordinal);
        Assert.DoesNotContain(ArmTemplate.FakeKey, outputs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryRuleQuery_PassesTheOfficialKqlParser_WhichStandsInForAzuresSkippedValidation()
    {
        var template = await DeployAsync(teams: true);
        var rules = template.Resources(RuleType);
        var queries = rules.Select(Query).ToList();

        var diagnostics = await KqlParser.CheckAsync(queries, Cancellation);

        Assert.Equal(5, diagnostics.Count);
        Assert.All(queries.Zip(diagnostics), pair => Assert.True(pair.Second.Count == 0, $"{pair.First}\n{string.Join("; ", pair.Second.Select(d => d.Message))}"));

        // Azure would validate against tables a first deployment may not have yet; the parser has validated instead.
        Assert.All(rules, r => Assert.True((bool?)r["properties"]!["skipQueryValidation"], $"{r["name"]} validates its query at deployment."));
    }

    private static string Query(JsonObject rule) => (string)rule["properties"]!["criteria"]!["allOf"]![0]!["query"]!;

    private static async Task<ArmTemplate> DeployAsync(bool teams)
    {
        var template = (await Compiled.Value).Template.DeepClone().AsObject();
        return new ArmTemplate(template, new Dictionary<string, JsonNode?>
        {
            ["location"] = "westeurope",
            ["tags"] = new JsonObject { ["azd-env-name"] = "test" },
            ["resourceToken"] = "tok123",
            ["workspaceId"] = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-test/providers/Microsoft.OperationalInsights/workspaces/log-test",
            ["functionAppName"] = "func-monitoring-tok123",
            ["functionAppHostName"] = "func-monitoring-tok123.azurewebsites.net",
            ["alertEmails"] = new JsonArray("oncall@example.com", "lead@example.com"),
            ["teamsWebhookUrl"] = teams ? Teams : string.Empty,
            ["runbookBaseUrl"] = RunbookBase,
        });
    }

    // Every core analyzer rule at warning level, so a single finding fails the test.
    private static string StrictConfig()
    {
        string[] rules =
        [
            "adminusername-should-not-be-literal", "artifacts-parameters", "decompiler-cleanup", "explicit-values-for-loc-params",
            "max-outputs", "max-params", "max-resources", "max-variables", "nested-deployment-template-scoping", "no-conflicting-metadata",
            "no-deployments-resources", "no-hardcoded-env-urls", "no-hardcoded-location", "no-loc-expr-outside-params",
            "no-unnecessary-dependson", "no-unused-existing-resources", "no-unused-imports", "no-unused-params", "no-unused-vars",
            "outputs-should-not-contain-secrets", "prefer-interpolation", "prefer-unquoted-property-names", "protect-commandtoexecute-secrets",
            "secure-params-in-nested-deploy", "secure-parameter-default", "secure-secrets-in-params", "simplify-interpolation",
            "simplify-json-null", "use-parent-property", "use-recent-api-versions", "use-recent-module-versions", "use-resource-id-functions",
            "use-resource-symbol-reference", "use-safe-access", "use-secure-value-for-secure-inputs", "use-stable-resource-identifiers",
            "use-stable-vm-image", "use-user-defined-types", "what-if-short-circuiting",
        ];
        var config = new JsonObject
        {
            ["analyzers"] = new JsonObject
            {
                ["core"] = new JsonObject
                {
                    ["enabled"] = true,
                    ["rules"] = new JsonObject(rules.Select(r => KeyValuePair.Create(r, (JsonNode?)new JsonObject { ["level"] = "warning" }))),
                },
            },
        };
        return config.ToJsonString();
    }
}
