using System.Text.Json.Nodes;
using Monitoring.Core.Spec;
using Xunit;

namespace Monitoring.Core.Tests.Spec;

public sealed class SpecLoaderMappingTests
{
    [Fact]
    public void Load_MapsDefaults_WhenSpecSetsThem()
    {
        var defaults = Fixture.LoadGood().Defaults;

        Assert.Equal(TimeSpan.FromMinutes(1), defaults.Interval);
        Assert.Equal(TimeSpan.FromSeconds(5), defaults.Timeout);
        Assert.Equal(2, defaults.Retries);
        Assert.Equal(TimeSpan.FromSeconds(50), defaults.MaxDuration);
        Assert.Equal(TimeSpan.FromSeconds(3), defaults.DegradedAfter);
        Assert.Equal("test-lab", defaults.Location);
        Assert.Equal(8, defaults.Concurrency);
        Assert.False(defaults.FollowRedirects);
        Assert.Equal([new HeaderSpec("User-Agent", Template.Literal("monitoring-tests"))], defaults.Headers);
        Assert.Equal(["baseUrl", "apiUrl"], defaults.Variables.Select(v => v.Key));
    }

    [Fact]
    public void Load_UsesBuiltInDefaults_WhenSpecHasNoDefaultsSection()
    {
        var result = SpecLoader.Load(
            "version: monitoring/v1\nchecks:\n  - name: home\n    request: { url: \"https://example.com/\" }\n",
            SpecFormat.Yaml,
            TestEnvironment.Empty);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        var builtIn = SpecDefaults.BuiltIn;
        var check = Assert.Single(result.Spec!.Checks);
        Assert.Equal((builtIn.Interval, builtIn.Retries, builtIn.MaxDuration, builtIn.DegradedAfter, builtIn.Location), (check.Interval, check.Retries, check.MaxDuration, check.DegradedAfter, check.Location));
        Assert.Equal((builtIn.Timeout, builtIn.FollowRedirects), (check.Steps[0].Timeout, check.Steps[0].FollowRedirects));
        Assert.Empty(result.Spec.Services);
    }

    [Fact]
    public void Load_InheritsDefaults_WhenCheckDoesNotOverrideThem()
    {
        var check = Fixture.LoadGood().FindCheck("homepage")!;

        Assert.Equal(TimeSpan.FromMinutes(1), check.Interval);
        Assert.Equal(2, check.Retries);
        Assert.Equal(TimeSpan.FromSeconds(50), check.MaxDuration);
        Assert.Equal(TimeSpan.FromSeconds(3), check.DegradedAfter);
        Assert.Equal("test-lab", check.Location);
        Assert.True(check.VerifyTls);
        Assert.True(check.Enabled);
        Assert.Empty(check.Labels);
        Assert.Equal(["baseUrl", "apiUrl"], check.Variables.Select(v => v.Key));
        var step = Assert.Single(check.Steps);
        Assert.Equal(TimeSpan.FromSeconds(5), step.Timeout);
        Assert.False(step.FollowRedirects);
        Assert.Null(step.DegradedAfter);
        Assert.Equal(["User-Agent"], step.Headers.Select(h => h.Name));
    }

    [Fact]
    public void Load_UsesCheckValues_WhenCheckOverridesDefaults()
    {
        var check = Fixture.LoadGood().FindCheck("checkout")!;

        Assert.Equal("shop", check.Service);
        Assert.Equal("Log in, add to cart, pay, log out.", check.Description);
        Assert.Equal(TimeSpan.FromMinutes(5), check.Interval);
        Assert.Equal(0, check.Retries);
        Assert.Equal(TimeSpan.FromMinutes(2), check.MaxDuration);
        Assert.Equal(TimeSpan.FromSeconds(10), check.DegradedAfter);
        Assert.Equal("edge", check.Location);
        Assert.False(check.VerifyTls);
        Assert.Equal("checkout", check.Labels["journey"]);
        Assert.Equal(TimeSpan.FromSeconds(8), check.Steps[0].Timeout);
        Assert.Equal(TimeSpan.FromSeconds(5), check.Steps[1].Timeout);
        Assert.True(check.Steps[1].FollowRedirects);
        Assert.Equal(TimeSpan.FromMilliseconds(800), check.Steps[2].DegradedAfter);
        Assert.False(Fixture.LoadGood().FindCheck("search")!.Enabled);
    }

    [Fact]
    public void Load_OrdersVariables_DefaultsFirstThenTheChecksOwn()
    {
        var variables = Fixture.LoadGood().FindCheck("checkout")!.Variables;

        Assert.Equal(
            [("baseUrl", "http://127.0.0.1:5080"), ("apiUrl", "{{baseUrl}}/api"), ("user", "demo"), ("baseUrl", "{{baseUrl}}/shop")],
            variables.Select(v => (v.Key, v.Value.Text)));
    }

    [Fact]
    public void Load_MakesOneStepNamedAfterTheCheck_WhenCheckHasARequest()
    {
        var check = Fixture.LoadGood().FindCheck("homepage")!;

        var step = Assert.Single(check.Steps);
        Assert.Equal("homepage", step.Name);
        Assert.Equal("GET", step.Method);
        Assert.Equal("{{baseUrl}}/", step.Url.Text);
        Assert.False(step.Always);
        Assert.Null(step.Body);
    }

    [Fact]
    public void Load_KeepsStepsInOrder_WithDefaultHeadersFirst()
    {
        var steps = Fixture.LoadGood().FindCheck("checkout")!.Steps;

        Assert.Equal(["login", "add-to-cart", "pay", "logout"], steps.Select(s => s.Name));
        Assert.Equal(["POST", "POST", "POST", "DELETE"], steps.Select(s => s.Method));
        Assert.Equal([("User-Agent", "monitoring-tests"), ("Accept", "application/json")], steps[0].Headers.Select(h => (h.Name, h.Value.Text)));
        Assert.Equal([("User-Agent", "monitoring-tests"), ("Authorization", "Bearer {{token}}")], steps[3].Headers.Select(h => (h.Name, h.Value.Text)));
        Assert.Equal([false, false, false, true], steps.Select(s => s.Always));
    }

    [Fact]
    public void Load_MapsAssertions_ToTargetSelectorOperatorExpectedAndSeverity()
    {
        var spec = Fixture.LoadGood();
        var home = spec.FindCheck("homepage")!.Steps[0].Assertions;
        var journey = spec.FindCheck("checkout")!.Steps;

        Assert.Equal(
            [
                new AssertionSpec(AssertionTarget.Status, null, AssertionOperator.Equals, Template.Literal("200"), AssertionSeverity.Fail),
                new AssertionSpec(AssertionTarget.Latency, null, AssertionOperator.LessThan, Template.Literal("500"), AssertionSeverity.Degrade),
                new AssertionSpec(AssertionTarget.Body, null, AssertionOperator.Contains, Template.Literal("Welcome"), AssertionSeverity.Fail),
            ],
            home);
        Assert.Equal(
            new AssertionSpec(AssertionTarget.Header, "Content-Type", AssertionOperator.Contains, Template.Literal("application/json"), AssertionSeverity.Fail),
            journey[0].Assertions[1]);
        Assert.Equal(
            new AssertionSpec(AssertionTarget.Status, null, AssertionOperator.LessThan, Template.Literal("400"), AssertionSeverity.Fail),
            Assert.Single(journey[1].Assertions));
        Assert.Equal(
            [
                new AssertionSpec(AssertionTarget.Json, "$.order.id", AssertionOperator.Exists, Template.Literal("true"), AssertionSeverity.Fail),
                new AssertionSpec(AssertionTarget.Json, "$.order.total", AssertionOperator.GreaterThan, Template.Literal("0"), AssertionSeverity.Fail),
                new AssertionSpec(AssertionTarget.CertificateDaysLeft, null, AssertionOperator.GreaterThan, Template.Literal("14"), AssertionSeverity.Fail),
            ],
            journey[2].Assertions);
    }

    [Theory]
    [InlineData("latency: { lessThan: 500ms }", "latency: { lessThan: 1m30s }", "90000")]
    [InlineData("latency: { lessThan: 500ms }", "latency: { lessThan: 2s }", "2000")]
    [InlineData("latency: { lessThan: 500ms }", "latency: 250ms", "250")]
    public void Load_StoresLatencyInMilliseconds_WhenExpectedIsADuration(string find, string replace, string expectedMilliseconds)
    {
        var result = Fixture.Load(Fixture.Mutate(find, replace));

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(expectedMilliseconds, result.Spec!.FindCheck("homepage")!.Steps[0].Assertions[1].Expected.Text);
    }

    [Fact]
    public void Load_MapsBodies_ByKindWithTheirContentTypes()
    {
        var steps = Fixture.LoadGood().FindCheck("checkout")!.Steps;

        var json = steps[0].Body!;
        Assert.Equal((BodyKind.Json, "application/json"), (json.Kind, json.ContentType));
        var expected = JsonNode.Parse("""{"username":"{{user}}","password":"${env:SHOP_PASSWORD}","remember":true,"attempts":3,"tags":["web","{{user}}"]}""");
        Assert.True(JsonNode.DeepEquals(expected, json.Json), json.Json?.ToJsonString());

        var form = steps[1].Body!;
        Assert.Equal((BodyKind.Form, "application/x-www-form-urlencoded"), (form.Kind, form.ContentType));
        Assert.Equal([("sku", "SKU-1"), ("quantity", "2")], form.Form.Select(f => (f.Key, f.Value.Text)));

        var raw = steps[2].Body!;
        Assert.Equal((BodyKind.Raw, "text/plain; charset=utf-8", "cart={{cartId}}"), (raw.Kind, raw.ContentType, raw.Raw!.Text));
    }

    [Fact]
    public void Load_GivesRawBodiesTextPlain_WhenContentTypeIsNotSet()
    {
        var result = Fixture.Load(Fixture.Mutate("          contentType: text/plain; charset=utf-8\n", string.Empty));

        Assert.Equal("text/plain", result.Spec!.FindCheck("checkout")!.Steps[2].Body!.ContentType);
    }

    [Fact]
    public void Load_MapsExtractions_WithSourceExpressionAndGroup()
    {
        var steps = Fixture.LoadGood().FindCheck("checkout")!.Steps;

        Assert.Equal([new ExtractionSpec("token", ExtractionSource.JsonPath, "$.token", 0)], steps[0].Extractions);
        Assert.Equal(
            [
                new ExtractionSpec("cartUrl", ExtractionSource.Header, "Location", 0),
                new ExtractionSpec("cartId", ExtractionSource.Regex, "cart-([0-9]+)", 1),
            ],
            steps[1].Extractions);
    }

    [Fact]
    public void Load_UsesGroupZero_WhenRegexHasNoCaptureGroup()
    {
        var result = Fixture.Load(Fixture.Mutate("regex: \"cart-([0-9]+)\"", "regex: \"cart-[0-9]+\""));

        Assert.Equal(0, result.Spec!.FindCheck("checkout")!.Steps[1].Extractions[1].Group);
    }

    [Fact]
    public void Load_MapsServices_WithDefaultTier()
    {
        var services = Fixture.LoadGood().Services;

        Assert.Equal(new ServiceSpec("shop", "web-platform", 1, new Uri("https://runbooks.example.com/shop"), "The storefront."), services["shop"]);
        Assert.Equal(new ServiceSpec("search", "discovery", 2, null, null), services["search"]);
    }

    [Fact]
    public void Load_KeepsEnvironmentReferences_WithoutReadingTheirValues()
    {
        var spec = Fixture.LoadGood();

        var snapshot = SpecSnapshot.Of(spec);
        Assert.DoesNotContain(TestEnvironment.ShopPassword, snapshot, StringComparison.Ordinal);
        var url = spec.FindCheck("search")!.Steps[0].Url;
        Assert.Equal(new EnvironmentPart("SEARCH_TERM", "shoes"), Assert.Single(url.EnvironmentReferences));
    }

    [Fact]
    public void Load_MapsJsonAndYaml_ToEqualSpecs()
    {
        var fromYaml = Fixture.LoadGood();
        var fromJson = SpecLoader.Load(Fixture.Read("good.json"), SpecFormat.Json, TestEnvironment.ForGoodFixture);

        Assert.True(fromJson.IsValid, string.Join(Environment.NewLine, fromJson.Errors));
        var snapshot = SpecSnapshot.Of(fromYaml);
        Assert.Contains("\"attempts\": 3", snapshot, StringComparison.Ordinal);
        Assert.Contains("cart-([0-9]+)", snapshot, StringComparison.Ordinal);
        Assert.Equal(snapshot, SpecSnapshot.Of(fromJson.Spec!));
    }
}
