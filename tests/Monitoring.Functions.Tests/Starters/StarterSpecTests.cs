using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Monitoring.Functions.Hosting;
using Monitoring.Functions.Tests.Support;
using Xunit;

namespace Monitoring.Functions.Tests.Starters;

/// <summary>The starter specs and <c>init --template</c>: each is written, passes the loader and runs clean against the demo shop.</summary>
public sealed class StarterSpecTests
{
    private const string TimerPayload = """{"Data":{"timer":{"Schedule":{"AdjustForDST":false},"IsPastDue":false}},"Metadata":{}}""";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>Every starter's name.</summary>
    public static TheoryData<string> Names => [.. StarterSpecs.All.Select(s => s.Name)];

    [Fact]
    public void TheFourSeedScenarios_AreShipped()
    {
        Assert.Equal(["ecommerce", "healthcare", "financial", "manufacturing-iot"], StarterSpecs.All.Select(s => s.Name));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Init_WritesTheStarter_RefusesToOverwrite_AndOverwritesWithForce(string name)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("monitoring-init-").FullName, "nested", "monitoring.yaml");

        var (written, writtenOutput, _) = await InitAsync("--template", name, path);
        Assert.Equal(0, written);
        Assert.Contains($"Wrote the {name} starter to {path}.", writtenOutput, StringComparison.Ordinal);
        var text = await File.ReadAllTextAsync(path, Cancellation);
        Assert.Equal(StarterSpecs.Find(name)!.ReadText(), text);
        Assert.Contains("version: monitoring/v1", text, StringComparison.Ordinal);

        await File.WriteAllTextAsync(path, "# mine", Cancellation);
        var (refused, _, refusedError) = await InitAsync("--template", name, path);
        Assert.Equal(InitCommand.Exists, refused);
        Assert.Contains("already exists; pass --force", refusedError, StringComparison.Ordinal);
        Assert.Equal("# mine", await File.ReadAllTextAsync(path, Cancellation));

        var (forced, _, _) = await InitAsync("--template", name, path, "--force");
        Assert.Equal(0, forced);
        Assert.Equal(text, await File.ReadAllTextAsync(path, Cancellation));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task WrittenStarter_PassesValidate_WithNoErrors(string name)
    {
        var path = await WriteStarterAsync(name);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = ValidateCommand.Run([path], new DictionaryEnvironment(), output, error);

        Assert.Equal((ValidateCommand.Valid, string.Empty), (exit, error.ToString()));
        Assert.Contains($"{path}: valid.", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Starter_RunsOneCleanCycle_AgainstTheDemoShop(string name)
    {
        var path = await WriteStarterAsync(name);
        var spec = SpecFile.Load(path, new DictionaryEnvironment()).Spec!;
        await using var app = await TestApp.StartAsync(path);

        await PostAsync(app, "/SyntheticChecks");
        await PostAsync(app, "/DataChecks");
        await PostAsync(app, "/SloEvaluation");

        var checks = (await GetJsonAsync(app, "/api/status"))["checks"]!.AsArray().Select(c => c!.AsObject()).ToList();
        Assert.Equal(spec.Checks.Select(c => c.Name).Order(StringComparer.Ordinal), checks.Select(c => (string?)c["name"]).Order(StringComparer.Ordinal));
        Assert.All(checks.Where(c => (bool)c["enabled"]!), c => Assert.Equal((name, (string?)c["name"], "Healthy"), (name, (string?)c["name"], (string?)c["lastOutcome"])));

        var dataChecks = (await GetJsonAsync(app, "/api/data-checks"))["dataChecks"]!.AsArray().Select(c => c!.AsObject()).ToList();
        var enabled = spec.DataChecks.Where(c => c.Enabled).Select(c => c.Name).ToList();
        Assert.NotEmpty(enabled);
        foreach (var dataCheckName in enabled)
        {
            var dataCheck = dataChecks.Single(c => (string?)c["name"] == dataCheckName);
            var results = dataCheck["results"]!.AsArray().Select(r => r!.AsObject()).ToList();
            Assert.Equal("Healthy", (string?)results.Single(r => (string?)r["kind"] == "connection")["outcome"]);
            Assert.Equal((dataCheckName, "Healthy"), (dataCheckName, (string?)dataCheck["outcome"]));
            Assert.True(results.Count > 1, $"{dataCheckName} judged no rule");
        }

        var slos = (await GetJsonAsync(app, "/api/slos"))["slos"]!.AsArray().Select(s => (string?)s!["name"]).Order(StringComparer.Ordinal);
        Assert.Equal(spec.Slos.Select(s => s.Name).Order(StringComparer.Ordinal), slos);
    }

    [Fact]
    public async Task InitList_ListsEveryStarter_WithADescription()
    {
        var (exit, output, _) = await InitAsync("--list");

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(StarterSpecs.All.Length, lines.Length);
        Assert.All(StarterSpecs.All, s => Assert.Contains(lines, l => l.StartsWith(s.Name + " ", StringComparison.Ordinal) && l.EndsWith(s.Description, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Init_UnknownTemplate_ExitsWithUsage_AndListsTheStarters()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("monitoring-init-").FullName, "monitoring.yaml");

        var (exit, _, error) = await InitAsync("--template", "retail", path);

        Assert.Equal(ValidateCommand.Usage, exit);
        Assert.Contains("There is no starter named 'retail'.", error, StringComparison.Ordinal);
        Assert.All(StarterSpecs.All, s => Assert.Contains(s.Name, error, StringComparison.Ordinal));
        Assert.False(File.Exists(path));
    }

    [Theory]
    [InlineData]
    [InlineData("ecommerce")]
    [InlineData("--template")]
    [InlineData("--list", "--template", "ecommerce")]
    [InlineData("--template", "ecommerce", "a.yaml", "b.yaml")]
    public async Task Init_WithoutATemplate_OrWithExtraArguments_PrintsUsage(params string[] arguments)
    {
        var (exit, _, error) = await InitAsync(arguments);

        Assert.Equal(ValidateCommand.Usage, exit);
        Assert.Contains("Usage: init --template <name>", error, StringComparison.Ordinal);
    }

    private static async Task<string> WriteStarterAsync(string name)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("monitoring-starter-").FullName, "monitoring.yaml");
        var (exit, _, error) = await InitAsync("--template", name, path);
        Assert.True(exit == 0, error);
        return path;
    }

    private static async Task<(int Exit, string Output, string Error)> InitAsync(params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await InitCommand.RunAsync(arguments, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static async Task<JsonObject> GetJsonAsync(TestApp app, string path)
    {
        using var response = await app.Client.GetAsync(path, Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Cancellation))!;
    }

    private static async Task PostAsync(TestApp app, string path)
    {
        using var response = await app.Client.PostAsync(path, new StringContent(TimerPayload, Encoding.UTF8, "application/json"), Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
