using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Monitoring.Infra.Tests.Support;
using Xunit;

namespace Monitoring.Infra.Tests.Workbooks;

/// <summary>
/// <c>infra/app/workbooks.bicep</c> compiles and lints clean on its own, and deploys the three workbooks, each pointed
/// at the workspace: its source and the workspace id in its content are the module's <c>workspaceId</c>.
/// </summary>
public sealed partial class WorkbooksBicepTests
{
    private const string SampleWorkspaceId =
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-monitoring/providers/Microsoft.OperationalInsights/workspaces/log-abc123";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static string Module => Path.Combine(BicepCli.RepositoryRoot(), "infra", "app", "workbooks.bicep");

    [Fact]
    public async Task Build_CompilesTheModuleOnItsOwn_WithoutDiagnostics()
    {
        var (template, diagnostics) = await BicepCli.BuildAsync(Module, Cancellation);

        Assert.Equal(string.Empty, diagnostics.Trim());
        Assert.NotNull(template["resources"]);
    }

    [Fact]
    public async Task Lint_ReportsNothing()
    {
        var result = await BicepCli.RunAsync(["lint", Module], Cancellation);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, (result.Output + result.Error).Trim());
    }

    [Fact]
    public async Task Lint_ReportsNothing_UnderRulesThatRequireRecentApiVersionsAndTypedParameters()
    {
        // A copy of the module and the workbooks beside a configuration that turns the opt-in rules on, so the module
        // stays clean whatever the repository's own bicepconfig.json enables.
        var root = Directory.CreateTempSubdirectory("workbooks-lint-");
        try
        {
            var app = Directory.CreateDirectory(Path.Combine(root.FullName, "infra", "app"));
            var workbooks = Directory.CreateDirectory(Path.Combine(root.FullName, "workbooks"));
            File.Copy(Module, Path.Combine(app.FullName, "workbooks.bicep"));
            foreach (var file in Workbook.Files)
            {
                File.Copy(Workbook.PathOf(file), Path.Combine(workbooks.FullName, file));
            }

            await File.WriteAllTextAsync(Path.Combine(root.FullName, "bicepconfig.json"), """
                { "analyzers": { "core": { "enabled": true, "rules": {
                  "use-recent-api-versions": { "level": "error" },
                  "use-user-defined-types": { "level": "error" },
                  "use-safe-access": { "level": "error" },
                  "use-resource-symbol-reference": { "level": "error" },
                  "what-if-short-circuiting": { "level": "error" },
                  "no-unused-params": { "level": "error" },
                  "no-unused-vars": { "level": "error" },
                  "no-hardcoded-location": { "level": "error" },
                  "explicit-values-for-loc-params": { "level": "error" }
                } } } }
                """, Cancellation);

            var result = await BicepCli.RunAsync(["lint", Path.Combine(app.FullName, "workbooks.bicep")], Cancellation);

            Assert.Equal(0, result.ExitCode);
            Assert.Equal(string.Empty, (result.Output + result.Error).Trim());
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Template_TakesTheLocationTagsWorkspaceAndResourceToken()
    {
        var (template, _) = await BicepCli.BuildAsync(Module, Cancellation);

        var parameters = template["parameters"]!.AsObject();
        Assert.Equal(["location", "resourceToken", "tags", "workspaceId"], parameters.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.All(parameters, p => Assert.Null(p.Value!["defaultValue"]));
        Assert.Equal("string", (string?)parameters["workspaceId"]!["type"]);
    }

    [Fact]
    public async Task Template_DeploysTheThreeWorkbooks_SharedWithStableNames()
    {
        var (template, _) = await BicepCli.BuildAsync(Module, Cancellation);

        var workbook = Assert.Single(Resources(template));
        Assert.Equal("Microsoft.Insights/workbooks", (string?)workbook["type"]);
        Assert.Equal("shared", (string?)workbook["kind"]);
        Assert.Equal("[length(variables('workbooks'))]", (string?)workbook["copy"]!["count"]);
        Assert.Equal("[parameters('location')]", (string?)workbook["location"]);
        Assert.Equal("[parameters('tags')]", (string?)workbook["tags"]);
        var properties = workbook["properties"]!;
        Assert.Equal("workbook", (string?)properties["category"]);
        Assert.Equal("Notebook/1.0", (string?)properties["version"]);

        // One entry per file; the name is a GUID of the resource group, the environment's token and the file.
        var entries = Entries(template);
        Assert.Equal(Workbook.Files.Select(f => f.Replace(".workbook.json", string.Empty, StringComparison.Ordinal)), entries.Select(e => (string)e["key"]!));
        Assert.Equal(entries.Count, entries.Select(e => (string)e["displayName"]!).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("[variables('workbooks')[copyIndex()].displayName]", (string?)properties["displayName"]);
        Assert.Equal("[variables('workbookNames')[variables('workbooks')[copyIndex()].key]]", (string?)workbook["name"]);
        Assert.Contains("guid(resourceGroup().id, parameters('resourceToken'), lambdaVariables('entry').key)",
            (string)template["variables"]!["workbookNames"]!, StringComparison.Ordinal);
        Assert.Contains("workbookIds", template["outputs"]!.AsObject().Select(o => o.Key));
    }

    [Fact]
    public async Task Template_PointsEveryWorkbookAtTheWorkspace()
    {
        var (template, _) = await BicepCli.BuildAsync(Module, Cancellation);
        var workbook = Assert.Single(Resources(template));
        var properties = workbook["properties"]!;

        // The source is the workspace, and the content is the file with the placeholder replaced by the workspace's id.
        Assert.Equal("[parameters('workspaceId')]", (string?)properties["sourceId"]);
        var serialized = (string)properties["serializedData"]!;
        Assert.StartsWith("[replace(", serialized, StringComparison.Ordinal);
        Assert.Equal("[replace(variables('workbooks')[copyIndex()].content, variables('workspacePlaceholder'), parameters('workspaceId'))]", serialized);
        Assert.Equal(Workbook.WorkspacePlaceholder, (string?)template["variables"]!["workspacePlaceholder"]);

        var entries = Entries(template);
        Assert.Equal(Workbook.Files.Count, entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var content = Variable(template, (string)entries[i]["content"]!);
            Assert.Equal(File.ReadAllText(Workbook.PathOf(Workbook.Files[i])), content);

            // What ARM deploys for a workspace: replace(content, placeholder, workspaceId).
            var deployed = content.Replace(Workbook.WorkspacePlaceholder, SampleWorkspaceId, StringComparison.Ordinal);
            Assert.DoesNotContain(Workbook.WorkspacePlaceholder, deployed, StringComparison.Ordinal);
            var root = JsonNode.Parse(deployed)!;
            Assert.Equal([SampleWorkspaceId], root["fallbackResourceIds"]!.AsArray().Select(v => (string?)v));
            var resources = Descendants(root).OfType<JsonObject>().Where(o => o["crossComponentResources"] is not null)
                .Select(o => o["crossComponentResources"]!.AsArray().Select(v => (string?)v).ToList()).ToList();
            Assert.NotEmpty(resources);
            Assert.All(resources, r => Assert.Equal([SampleWorkspaceId], r));
        }
    }

    // The resources of a template, whether it lists them (languageVersion 1.0) or names them (2.0).
    private static List<JsonObject> Resources(JsonObject template) => template["resources"] switch
    {
        JsonArray list => [.. list.Select(r => r!.AsObject())],
        JsonObject named => [.. named.Select(r => r.Value!.AsObject())],
        _ => [],
    };

    private static List<JsonObject> Entries(JsonObject template) => [.. template["variables"]!["workbooks"]!.AsArray().Select(e => e!.AsObject())];

    // A variable's value, following "[variables('x')]" references (how Bicep inlines loadTextContent).
    private static string Variable(JsonObject template, string value)
    {
        while (VariableReference().Match(value) is { Success: true } reference)
        {
            value = (string)template["variables"]![reference.Groups["name"].Value]!;
        }

        return value;
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>().SelectMany(Descendants))
        {
            yield return child;
        }
    }

    [GeneratedRegex(@"^\[variables\('(?<name>[^']+)'\)\]$")]
    private static partial Regex VariableReference();
}
