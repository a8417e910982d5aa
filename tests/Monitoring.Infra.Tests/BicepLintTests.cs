using System.Text.Json.Nodes;
using Monitoring.Infra.Tests.Support;
using Xunit;

namespace Monitoring.Infra.Tests;

/// <summary>
/// The Bicep compiles and lints clean under infra/bicepconfig.json. Bicep reports type errors inside resource bodies
/// as warnings, so any diagnostic at all fails.
/// </summary>
public sealed class BicepLintTests
{
    [Fact]
    public async Task Build_Main_PrintsNoDiagnostics()
    {
        var result = await BicepCli.RunAsync(["build", Path.Combine(BicepCli.RepositoryRoot(), "infra", "main.bicep"), "--stdout"], TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(string.Empty, result.Error.Trim());
        Assert.Contains("subscriptionDeploymentTemplate", JsonNode.Parse(result.Output)!["$schema"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_EveryFileUnderInfra_PrintsNoDiagnostics()
    {
        // main.bicep and every module, in one run (one CLI start instead of one per file).
        var result = await LintAllAsync(Path.Combine(BicepCli.RepositoryRoot(), "infra"));

        var diagnostics = (result.Output + result.Error).Trim();
        Assert.True(result.ExitCode == 0 && diagnostics.Length == 0, $"bicep lint infra/**/*.bicep (exit {result.ExitCode}):\n{diagnostics}");
    }

    [Theory]
    [InlineData("use-recent-api-versions")]
    [InlineData("no-hardcoded-env-urls")]
    [InlineData("secure-secrets-in-params")]
    [InlineData("outputs-should-not-contain-secrets")]
    [InlineData("no-unused-params")]
    [InlineData("no-unused-vars")]
    [InlineData("use-secure-value-for-secure-inputs")]
    [InlineData("prefer-unquoted-property-names")]
    [InlineData("secure-parameter-default")]
    [InlineData("use-resource-id-functions")]
    [InlineData("use-stable-resource-identifiers")]
    [InlineData("what-if-short-circuiting")]
    public void Config_MakesTheRuleAnError(string rule)
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot(), "infra", "bicepconfig.json")))!;

        Assert.True(config.BoolAt("analyzers.core.enabled"));
        Assert.Equal("error", config["analyzers"]!["core"]!["rules"]![rule]?["level"]?.GetValue<string>());
    }

    [Fact]
    public async Task Lint_FailsOnAProblemInAModuleFolder()
    {
        // The configuration applies, and the lint run reaches files in subfolders (infra/app/).
        var directory = Directory.CreateTempSubdirectory("bicep-lint-");
        try
        {
            File.Copy(Path.Combine(BicepCli.RepositoryRoot(), "infra", "bicepconfig.json"), Path.Combine(directory.FullName, "bicepconfig.json"));
            Directory.CreateDirectory(Path.Combine(directory.FullName, "app"));
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "app", "probe.bicep"), "param unused string\n", TestContext.Current.CancellationToken);

            var result = await LintAllAsync(directory.FullName);

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("probe.bicep(1,7) : Error no-unused-params", result.Output + result.Error, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static Task<BicepCli.Result> LintAllAsync(string folder) =>
        BicepCli.RunAsync(["lint", "--pattern", Path.Combine(folder, "**", "*.bicep")], TestContext.Current.CancellationToken);
}
