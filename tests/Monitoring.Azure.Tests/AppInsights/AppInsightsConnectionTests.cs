using Monitoring.Azure.AppInsights;
using Xunit;

namespace Monitoring.Azure.Tests.AppInsights;

public sealed class AppInsightsConnectionTests
{
    private const string Key = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

    [Fact]
    public void Parse_ReadsKeyAndEndpoint_InAnyCaseAndWithExtraPairs()
    {
        var connection = AppInsightsConnection.Parse($"instrumentationkey={Key};IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/;LiveEndpoint=https://westeurope.livediagnostics.monitor.azure.com/;ApplicationId=abc;");

        Assert.Equal(Guid.Parse(Key), connection.InstrumentationKey);
        Assert.Equal(new Uri("https://westeurope-5.in.applicationinsights.azure.com/"), connection.IngestionEndpoint);
    }

    [Fact]
    public void Parse_LeavesTheEndpointToTheSdk_WhenTheStringHasNone()
    {
        Assert.Null(AppInsightsConnection.Parse($"InstrumentationKey={Key}").IngestionEndpoint);
    }

    [Fact]
    public void From_ReturnsNull_WhenTheSettingIsMissingOrBlank()
    {
        Assert.Null(AppInsightsConnection.From(_ => null));
        Assert.Null(AppInsightsConnection.From(_ => "  "));
    }

    [Theory]
    // Not key=value pairs.
    [InlineData(Key, "key=value pairs")]
    // No key, or a key that is not a GUID.
    [InlineData("IngestionEndpoint=https://in.example.com/", "InstrumentationKey")]
    [InlineData("InstrumentationKey=not-a-guid-" + Key, "InstrumentationKey")]
    // An endpoint that is not https: the token would travel in clear text.
    [InlineData("InstrumentationKey=" + Key + ";IngestionEndpoint=http://in.example.com/", "https")]
    [InlineData("InstrumentationKey=" + Key + ";IngestionEndpoint=in.example.com", "https")]
    // The same key twice.
    [InlineData("InstrumentationKey=" + Key + ";InstrumentationKey=" + Key, "twice")]
    public void Parse_Throws_NamingTheSettingAndTheProblemButNotTheKey_WhenTheStringIsInvalid(string value, string problem)
    {
        var error = Assert.Throws<FormatException>(() => AppInsightsConnection.Parse(value));

        Assert.StartsWith(AppInsightsConnection.SettingName + " is not a valid", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
