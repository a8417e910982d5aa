using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Monitoring.Infra.Tests.Support;
using Monitoring.Infra.Tests.Support.Arm;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Monitoring.Infra.Tests;

/// <summary>azure.yaml, main.parameters.json and the template follow the conventions azd relies on.</summary>
public sealed partial class AzdConventionTests
{
    [Fact]
    public async Task AzureYaml_DeploysTheFunctionsProject_AsAFunctionApp()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(BicepCli.RepositoryRoot(), "azure.yaml"), TestContext.Current.CancellationToken);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;

        Assert.StartsWith("# yaml-language-server: $schema=https://raw.githubusercontent.com/Azure/azure-dev/main/schemas/v1.0/azure.yaml.json", text, StringComparison.Ordinal);
        Assert.Matches("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", Scalar(root, "name"));
        Assert.Equal("bicep", Scalar(root, "infra", "provider"));
        Assert.Equal("infra", Scalar(root, "infra", "path"));
        Assert.Equal("function", Scalar(root, "services", "functions", "host"));
        Assert.Equal("dotnet", Scalar(root, "services", "functions", "language"));
        var project = Scalar(root, "services", "functions", "project");
        Assert.Equal("./functions/Monitoring.Functions", project);
        Assert.True(File.Exists(Path.Combine(BicepCli.RepositoryRoot(), project, "Monitoring.Functions.csproj")));
    }

    [Fact]
    public async Task Parameters_TakeTheAzdEnvironment_AndNameOnlyDeclaredParameters()
    {
        var template = await CompiledMain.TemplateAsync();
        var file = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(BicepCli.RepositoryRoot(), "infra", "main.parameters.json"), TestContext.Current.CancellationToken))!;
        var values = file["parameters"]!.AsObject();
        var declared = template["parameters"]!.AsObject();

        Assert.Equal("${AZURE_ENV_NAME}", values["environmentName"].StringAt("value"));
        Assert.Equal("${AZURE_LOCATION}", values["location"].StringAt("value"));
        Assert.Equal("${AZURE_PRINCIPAL_ID}", values["principalId"].StringAt("value"));
        Assert.All(values, v => Assert.True(declared.ContainsKey(v.Key), $"main.bicep declares no parameter {v.Key}."));
        Assert.All(
            declared.Where(p => p.Value!["defaultValue"] is null),
            p => Assert.True(values.ContainsKey(p.Key), $"Required parameter {p.Key} has no value in main.parameters.json."));
    }

    [Fact]
    public async Task Outputs_AreUpperSnakeCase_AndIncludeWhatAzdReads()
    {
        var deployment = await CompiledMain.MinimalAsync();

        Assert.All(deployment.Outputs.Keys, name => Assert.Matches(UpperSnake(), name));
        var site = deployment.Single("Microsoft.Web/sites");
        Assert.Equal("swedencentral", deployment.Outputs["AZURE_LOCATION"]!.GetValue<string>());
        Assert.Equal("rg-test", deployment.Outputs["AZURE_RESOURCE_GROUP"]!.GetValue<string>());
        Assert.Equal(site.Name, deployment.Outputs["AZURE_FUNCTION_APP_NAME"]!.GetValue<string>());
        Assert.Equal(site.Name, deployment.Outputs["SERVICE_FUNCTIONS_NAME"]!.GetValue<string>());
        Assert.Equal(deployment.Single("Microsoft.OperationalInsights/workspaces").Id, deployment.Outputs["LOG_ANALYTICS_WORKSPACE_RESOURCE_ID"]!.GetValue<string>());
        Assert.Equal(Runtime.Of(deployment.Single("Microsoft.Insights/dataCollectionRules").Id, "immutableId"), deployment.Outputs["DCR_IMMUTABLE_ID"]!.GetValue<string>());
    }

    [Fact]
    public async Task ResourceGroup_IsRgEnv_AndHoldsEveryOtherResource()
    {
        var deployment = await CompiledMain.MinimalAsync();

        var group = deployment.Single("Microsoft.Resources/resourceGroups");
        Assert.Equal("rg-test", group.Name);
        Assert.All(
            deployment.AllResources().Where(r => !r.Is("Microsoft.Resources/resourceGroups")),
            r => Assert.StartsWith(group.Id + "/", r.Id, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task EveryTaggableResource_CarriesTheEnvironmentTag()
    {
        var deployment = await CompiledMain.MinimalAsync();

        // Top-level resources take tags; child resources, role assignments and deployments do not.
        var taggable = deployment.AllResources().Where(r => r.Deployed && r.Type.Count(c => c == '/') == 1
            && !r.Is("Microsoft.Resources/deployments") && !r.Is("Microsoft.Authorization/roleAssignments")).ToList();

        Assert.NotEmpty(taggable);
        Assert.All(taggable, r => Assert.True(r.Body.StringAt("tags.azd-env-name") == "test", $"{r} has no azd-env-name tag."));
    }

    [Fact]
    public async Task Names_CarryTheResourceToken()
    {
        var test = await CompiledMain.MinimalAsync();

        var site = test.Single("Microsoft.Web/sites").Name;
        var token = site["func-".Length..];
        Assert.StartsWith("func-", site, StringComparison.Ordinal);
        Assert.Matches("^[a-z0-9]{13}$", token);
        Assert.Equal("st" + token, test.Single("Microsoft.Storage/storageAccounts").Name);
        Assert.Equal("log-" + token, test.Single("Microsoft.OperationalInsights/workspaces").Name);
    }

    [Fact]
    public async Task AzdEnvironments_StayOutOfGit()
    {
        var root = BicepCli.RepositoryRoot();
        var ignore = (await File.ReadAllLinesAsync(Path.Combine(root, ".gitignore"), TestContext.Current.CancellationToken)).Select(l => l.Trim()).ToList();
        var azureIgnore = (await File.ReadAllLinesAsync(Path.Combine(root, ".azure", ".gitignore"), TestContext.Current.CancellationToken)).Select(l => l.Trim()).ToList();

        // Every environment folder (with its .env) is ignored; the folder's own .gitignore is kept.
        Assert.Contains(".azure/*", ignore);
        Assert.Contains("!.azure/.gitignore", ignore);
        Assert.Contains(".env", ignore);
        Assert.Contains("*", azureIgnore);
        Assert.Contains("!.gitignore", azureIgnore);
    }

    private static string Scalar(YamlMappingNode node, params string[] path)
    {
        YamlNode current = node;
        foreach (var key in path)
        {
            current = ((YamlMappingNode)current).Children[new YamlScalarNode(key)];
        }

        return ((YamlScalarNode)current).Value!;
    }

    [GeneratedRegex("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$")]
    private static partial Regex UpperSnake();
}
