using Xunit;
using System.Diagnostics;
using Monitoring.Functions.Hosting;
using Monitoring.Functions.Tests.Support;

namespace Monitoring.Functions.Tests.Hosting;

/// <summary>An invalid spec is named in full, by <c>validate</c> and by the app refusing to start.</summary>
public sealed class StartupValidationTests
{
    private const string SpecWithFiveMistakes = """
        version: monitoring/v1
        services:
          shop: { team: web-platform, tier: 1 }
        checks:
          - name: homepage
            service: shop
            colour: blue
            interval: 5x
            request:
              url: https://shop.example.com/
          - name: homepage
            service: shop
            steps:
              - name: cart
                url: "https://shop.example.com/cart/{{cartId}}"
                headers: { Authorization: "Bearer ${env:MONITORING_TEST_UNSET_TOKEN}" }
                extract:
                  cartId: { json: "$.id" }
        """;

    // One fragment per mistake: the unknown field, the bad duration, the duplicate name,
    // the variable used before extraction and the missing environment variable.
    private static readonly string[] Mistakes = ["colour", "5x", "duplicate", "cartId", "MONITORING_TEST_UNSET_TOKEN"];

    [Fact]
    public void Validate_ListsEveryMistakeWithItsPathAndExitsNonZero()
    {
        var spec = WriteSpec(SpecWithFiveMistakes);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = ValidateCommand.Run([spec], new DictionaryEnvironment(), output, error);

        Assert.Equal(ValidateCommand.Invalid, exit);
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).ToList();
        foreach (var mistake in Mistakes)
        {
            var line = Assert.Single(lines, l => l.Contains(mistake, StringComparison.OrdinalIgnoreCase));
            Assert.StartsWith("checks[", line, StringComparison.Ordinal);
            Assert.Contains("(line ", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_PrintsSummaryAndExitsZero_WhenSpecIsTheSample()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = ValidateCommand.Run([TestApp.SampleSpecPath], new DictionaryEnvironment(), output, error);

        Assert.True(exit == ValidateCommand.Valid, error.ToString());
        Assert.Contains("valid. 5 checks", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ReportsUnreadableFile_WhenPathDoesNotExist()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = ValidateCommand.Run([Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "monitoring.yaml")], new DictionaryEnvironment(), output, error);

        Assert.Equal(ValidateCommand.Invalid, exit);
        Assert.Contains("cannot read the spec file", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task App_RefusesToStartWithTheSameList_WhenSpecIsInvalid()
    {
        var spec = WriteSpec(SpecWithFiveMistakes);

        var invalid = await Assert.ThrowsAsync<InvalidSpecException>(() => TestApp.StartAsync(spec));

        Assert.Equal(spec, invalid.Path);
        foreach (var mistake in Mistakes)
        {
            Assert.Single(invalid.Errors, e => e.ToString().Contains(mistake, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task ValidateCommandLine_ExitsNonZeroAndPrintsErrors_WhenRunAsAProcess()
    {
        var spec = WriteSpec(SpecWithFiveMistakes);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Monitoring.Functions.dll"));
        start.ArgumentList.Add("validate");
        start.ArgumentList.Add(spec);
        start.Environment.Remove("MONITORING_TEST_UNSET_TOKEN");

        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(ValidateCommand.Invalid, process.ExitCode);
        Assert.All(Mistakes, m => Assert.Contains(m, stderr, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task App_RefusesToStart_WhenAChannelUrlFromTheEnvironmentIsNotHttps()
    {
        var spec = await TestApp.WriteSampleWithAsync("""

            notifications:
              channels:
                oncall-teams: { teams: { url: "${env:TEAMS_WORKFLOW_URL:-http://teams.example.com/workflows?sig=not-over-plain-http}" } }
            """);

        var invalid = await Assert.ThrowsAsync<InvalidSpecException>(() => TestApp.StartAsync(spec));

        var error = Assert.Single(invalid.Errors);
        Assert.Equal("notifications.channels.oncall-teams.teams.url", error.Path);
        Assert.Contains("is not an absolute https URL once read from the environment", error.Message, StringComparison.Ordinal);
        Assert.Contains("${env:TEAMS_WORKFLOW_URL", error.Message, StringComparison.Ordinal);
    }

    private static string WriteSpec(string text)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("monitoring-spec-").FullName, "monitoring.yaml");
        File.WriteAllText(path, text);
        return path;
    }
}
