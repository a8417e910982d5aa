using System.Runtime.CompilerServices;
using Monitoring.Functions.Hosting;
using Monitoring.Functions.Tests.Support;
using Xunit;

namespace Monitoring.Functions.Tests.Hosting;

/// <summary>The <c>strategy</c> command: stdout, <c>--output</c>, invalid specs, and docs/STRATEGY.md never drifting from the sample spec.</summary>
public sealed class StrategyCommandTests
{
    [Fact]
    public void Strategy_prints_the_document_to_stdout()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = StrategyCommand.Run([TestApp.SampleSpecPath], new DictionaryEnvironment(), output, error);

        Assert.Equal(ValidateCommand.Valid, exit);
        Assert.StartsWith("# Monitoring strategy\n", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("## 3. When we alert", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, error.ToString());
    }

    [Fact]
    public void Strategy_writes_the_document_to_the_output_file()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("strategy-").FullName, "STRATEGY.md");
        using var output = new StringWriter();
        using var stdout = new StringWriter();
        using var error = new StringWriter();
        var exit = StrategyCommand.Run([TestApp.SampleSpecPath, "--output", file], new DictionaryEnvironment(), output, error);
        StrategyCommand.Run([TestApp.SampleSpecPath], new DictionaryEnvironment(), stdout, error);

        Assert.Equal(ValidateCommand.Valid, exit);
        Assert.Equal(stdout.ToString(), File.ReadAllText(file));
        Assert.Contains("Wrote the monitoring strategy", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_spec_gives_the_errors_and_exit_code_of_validate()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("monitoring-spec-").FullName, "monitoring.yaml");
        File.WriteAllText(path, "version: monitoring/v1\nchecks:\n  - name: broken\n");
        using var validateOut = new StringWriter();
        using var validateError = new StringWriter();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var validate = ValidateCommand.Run([path], new DictionaryEnvironment(), validateOut, validateError);
        var exit = StrategyCommand.Run([path], new DictionaryEnvironment(), output, error);

        Assert.Equal(ValidateCommand.Invalid, exit);
        Assert.Equal(validate, exit);
        Assert.Equal(validateError.ToString(), error.ToString());
        Assert.Equal(string.Empty, output.ToString());
    }

    [Fact]
    public void A_usage_mistake_exits_with_the_usage_code()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(ValidateCommand.Usage, StrategyCommand.Run(["a.yaml", "b.yaml"], new DictionaryEnvironment(), output, error));
        Assert.Contains("Usage: strategy", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Docs_strategy_md_is_the_commands_output_for_the_sample_spec()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        StrategyCommand.Run([TestApp.SampleSpecPath], new DictionaryEnvironment(), output, error);

        var committed = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "STRATEGY.md")).ReplaceLineEndings("\n");
        Assert.True(committed == output.ToString(),
            "docs/STRATEGY.md is out of date: run `dotnet run --project functions/Monitoring.Functions -- strategy functions/monitoring.yaml --output docs/STRATEGY.md`.");
    }

    private static string RepositoryRoot([CallerFilePath] string callerPath = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(callerPath)!, "..", "..", ".."));
}
