using Monitoring.Core.Checks;
using Monitoring.Core.Spec;
using Xunit;

namespace Monitoring.Core.Tests.Checks;

public sealed class ExtractorTests
{
    [Theory]
    // JSONPath: scalars as text, containers as compact JSON.
    [InlineData(ExtractionSource.JsonPath, "$.name", 0, "shop", null)]
    [InlineData(ExtractionSource.JsonPath, "$.total", 0, "3", null)]
    [InlineData(ExtractionSource.JsonPath, "$.price", 0, "12.5", null)]
    [InlineData(ExtractionSource.JsonPath, "$.flag", 0, "true", null)]
    [InlineData(ExtractionSource.JsonPath, "$.when", 0, "2025-03-01T12:00:00Z", null)]
    [InlineData(ExtractionSource.JsonPath, "$.items[0]", 0, "{\"id\":\"a1\"}", null)]
    [InlineData(ExtractionSource.JsonPath, "$.items[*].id", 0, null, "$.items[*].id: Path returned multiple tokens.")]
    [InlineData(ExtractionSource.JsonPath, "$.missing", 0, null, "$.missing not found in the body")]
    [InlineData(ExtractionSource.JsonPath, "$.nothing", 0, null, "$.nothing not found in the body")]
    // Headers: case-insensitive, first value.
    [InlineData(ExtractionSource.Header, "x-request-id", 0, "req-42", null)]
    [InlineData(ExtractionSource.Header, "Set-Cookie", 0, "a=1", null)]
    [InlineData(ExtractionSource.Header, "Location", 0, null, "header Location not found")]
    // Regex: the chosen group.
    [InlineData(ExtractionSource.Regex, "\"id\":\"([a-z])([0-9])\"", 2, "1", null)]
    [InlineData(ExtractionSource.Regex, "\"name\":\"(?<n>\\w+)\"", 1, "shop", null)]
    [InlineData(ExtractionSource.Regex, "total", 0, "total", null)]
    [InlineData(ExtractionSource.Regex, "order-([0-9]+)", 1, null, "'order-([0-9]+)' did not match the body")]
    [InlineData(ExtractionSource.Regex, "total", 1, null, "'total' has no group 1")]
    [InlineData(ExtractionSource.Regex, "(x)?total", 1, null, "'(x)?total' matched but group 1 did not take part")]
    public void Extract_ReturnsValueOrError_ForEachSource(ExtractionSource source, string expression, int group, string? expectedValue, string? expectedError)
    {
        var extraction = new ExtractionSpec("value", source, expression, group);

        var result = Extractor.Extract(extraction, TestResponses.Good());

        Assert.Equal(expectedError is null, result.Succeeded);
        Assert.Equal(expectedValue, result.Value);
        Assert.Equal(expectedError, result.Error);
    }

    [Fact]
    public void Extract_Fails_WhenTheBodyIsNotJson()
    {
        var response = TestResponses.Good() with { Body = "<html>not json</html>" };

        var result = Extractor.Extract(new ExtractionSpec("token", ExtractionSource.JsonPath, "$.token", 0), response);

        Assert.False(result.Succeeded);
        Assert.StartsWith("$.token: body is not JSON", result.Error, StringComparison.Ordinal);
    }
}
