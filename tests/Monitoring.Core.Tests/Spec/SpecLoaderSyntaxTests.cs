using Monitoring.Core.Spec;
using Xunit;

namespace Monitoring.Core.Tests.Spec;

public sealed class SpecLoaderSyntaxTests
{
    [Theory]
    // YAML
    [InlineData(SpecFormat.Yaml, "version: monitoring/v1\nchecks:\n  - name: 'open\n", "the YAML cannot be read", 3)]
    [InlineData(SpecFormat.Yaml, "version: monitoring/v1\nchecks: []\nchecks: []\n", "duplicate key 'checks'", 3)]
    [InlineData(SpecFormat.Yaml, "version: monitoring/v1\n---\nversion: monitoring/v1\n", "the spec must be one YAML document", 3)]
    [InlineData(SpecFormat.Yaml, "# only a comment\n", "the spec is empty", null)]
    [InlineData(SpecFormat.Yaml, "- version: monitoring/v1\n", "the spec must be a mapping with 'version: monitoring/v1' at the top, not a list", 1)]
    // JSON
    [InlineData(SpecFormat.Json, "{\n  \"version\": \"monitoring/v1\",\n  \"checks\": [}\n}", "the JSON cannot be read", 3)]
    [InlineData(SpecFormat.Json, "{\n  \"checks\": [],\n  \"checks\": []\n}", "the JSON cannot be read: Property with the name 'checks' already exists", 3)]
    [InlineData(SpecFormat.Json, "{ \"version\": \"monitoring/v1\" }\n{ }", "the JSON cannot be read: Additional text", 2)]
    [InlineData(SpecFormat.Json, "  \n", "the spec is empty", null)]
    [InlineData(SpecFormat.Json, "\"monitoring/v1\"", "the spec must be a mapping", 1)]
    public void Load_ReportsOneDocumentError_WhenTextIsNotASpecDocument(SpecFormat format, string text, string fragment, int? line)
    {
        var result = SpecLoader.Load(text, format, TestEnvironment.Empty);

        var error = Assert.Single(result.Errors);
        Assert.Equal(string.Empty, error.Path);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void Load_ReportsOnlyTheVersion_WhenVersionIsAnotherOne()
    {
        var result = SpecLoader.Load("version: monitoring/v2\nprobes: []\n", SpecFormat.Yaml, TestEnvironment.Empty);

        var error = Assert.Single(result.Errors);
        Assert.Equal("version", error.Path);
    }

    [Fact]
    public void Load_GoesOnValidating_WhenVersionIsMissing()
    {
        var result = SpecLoader.Load("probes: []\n", SpecFormat.Yaml, TestEnvironment.Empty);

        Assert.Equal(["version", "probes"], result.Errors.Select(e => e.Path));
    }

    [Fact]
    public void Load_ReportsPathAndLine_WhenJsonSpecHasAMistake()
    {
        var json = Fixture.Read("good.json").Replace("\"timeout\": \"8s\"", "\"timeout\": \"8x\"", StringComparison.Ordinal);

        var result = SpecLoader.Load(json, SpecFormat.Json, TestEnvironment.ForGoodFixture);

        var error = Assert.Single(result.Errors);
        Assert.Equal("checks[1] (checkout).steps[0] (login).timeout", error.Path);
        Assert.Equal(Fixture.LineOf(json, "\"8x\""), error.Line);
    }

    [Fact]
    public void Load_TreatsQuotedNumbersAsText_WhenYamlQuotesThem()
    {
        var yaml = Fixture.Mutate("  retries: 2", "  retries: \"2\"");

        var error = Assert.Single(Fixture.Load(yaml).Errors);

        Assert.Equal("defaults.retries", error.Path);
        Assert.Contains("expected a whole number, not '2'", error.Message, StringComparison.Ordinal);
    }
}
