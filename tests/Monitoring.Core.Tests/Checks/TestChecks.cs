using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Monitoring.Core.Spec;

namespace Monitoring.Core.Tests.Checks;

/// <summary>One good shop journey (login, cart, checkout, then an always-run logout) that runner tests mutate.</summary>
internal static class TestChecks
{
    public const string Password = "s3cret-pw";

    public static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string> { ["SHOP_PASSWORD"] = Password };

    public static CheckSpec Journey() => new(
        Name: "shop-journey",
        Service: "shop",
        Description: null,
        Enabled: true,
        Interval: TimeSpan.FromMinutes(1),
        Retries: 0,
        MaxDuration: TimeSpan.FromSeconds(45),
        DegradedAfter: null,
        VerifyTls: true,
        Location: "test-lab",
        Labels: ImmutableDictionary<string, string>.Empty,
        Variables: [Variable("baseUrl", "https://shop.test"), Variable("user", "demo")],
        Steps:
        [
            Step("login", "{{baseUrl}}/login") with
            {
                Method = "POST",
                Body = new RequestBody(BodyKind.Json, JsonNode.Parse("""{"username":"{{user}}","password":"${env:SHOP_PASSWORD}","remember":true}"""), [], null, "application/json"),
                Extractions = [new ExtractionSpec("token", ExtractionSource.JsonPath, "$.token", 0), new ExtractionSpec("cartId", ExtractionSource.JsonPath, "$.cartId", 0)],
                Assertions = [Assert(AssertionTarget.Status, null, AssertionOperator.Equals, "200")],
            },
            Step("cart", "{{baseUrl}}/cart/{{cartId}}") with
            {
                Method = "POST",
                Headers = [new HeaderSpec("Authorization", Template.Parse("Bearer {{token}}"))],
                Body = new RequestBody(BodyKind.Json, JsonNode.Parse("""{"cartId":"{{cartId}}","lines":[{"sku":"{{user}}-1","qty":2}]}"""), [], null, "application/json"),
                Assertions = [Assert(AssertionTarget.Json, "$.items", AssertionOperator.GreaterThan, "0")],
            },
            Step("checkout", "{{baseUrl}}/checkout"),
            Step("logout", "{{baseUrl}}/logout") with { Method = "POST", Always = true },
        ]);

    /// <summary>Answers every step of <see cref="Journey"/> successfully.</summary>
    public static ScriptedProbeFactory HappyShop(ScriptedProbeFactory probes) => probes
        .On("/login", ScriptedProbeFactory.Respond(200, """{"token":"tok-123","cartId":"c9"}""", 100))
        .On("/cart/c9", ScriptedProbeFactory.Respond(200, """{"items":2}""", 60))
        .On("/checkout", ScriptedProbeFactory.Respond(200, "ok", 40))
        .On("/logout", ScriptedProbeFactory.Respond(204, string.Empty, 30));

    public static StepSpec Step(string name, string url) => new(
        Name: name,
        Method: "GET",
        Url: Template.Parse(url),
        Headers: [],
        Body: null,
        Timeout: TimeSpan.FromSeconds(10),
        DegradedAfter: null,
        FollowRedirects: true,
        Extractions: [],
        Assertions: [],
        Always: false);

    public static KeyValuePair<string, Template> Variable(string name, string value) => new(name, Template.Parse(value));

    public static AssertionSpec Assert(AssertionTarget target, string? selector, AssertionOperator op, string expected, AssertionSeverity severity = AssertionSeverity.Fail) =>
        new(target, selector, op, Template.Parse(expected), severity);

    /// <summary>The journey with the named step replaced by <paramref name="change"/> applied to it.</summary>
    public static CheckSpec WithStep(this CheckSpec check, string name, Func<StepSpec, StepSpec> change) =>
        check with { Steps = [.. check.Steps.Select(s => s.Name == name ? change(s) : s)] };
}
