using Monitoring.Core.Checks;
using Monitoring.Core.Secrets;
using Monitoring.Core.Spec;
using Xunit;

namespace Monitoring.Core.Tests.Checks;

public sealed class AssertionEvaluatorTests
{
    private static readonly TemplateScope Scope = new(
        new Dictionary<string, string> { ["expectedName"] = "shop" },
        new FakeEnvironment(),
        new SecretRedactor());

    [Theory]
    // Status compares numerically.
    [InlineData(AssertionTarget.Status, null, AssertionOperator.Equals, "200", null)]
    [InlineData(AssertionTarget.Status, null, AssertionOperator.Equals, "201", "status 200, expected 201")]
    [InlineData(AssertionTarget.Status, null, AssertionOperator.LessThan, "400", null)]
    [InlineData(AssertionTarget.Status, null, AssertionOperator.GreaterThanOrEqual, "300", "status 200, expected at least 300")]
    [InlineData(AssertionTarget.Status, null, AssertionOperator.NotEquals, "200", "status 200, expected not 200")]
    // Latency is in milliseconds; a trailing unit is tolerated.
    [InlineData(AssertionTarget.Latency, null, AssertionOperator.LessThan, "500", null)]
    [InlineData(AssertionTarget.Latency, null, AssertionOperator.LessThan, "100", "latency 120 ms, expected less than 100 ms")]
    [InlineData(AssertionTarget.Latency, null, AssertionOperator.LessThanOrEqual, "120ms", null)]
    // Headers are looked up case-insensitively; repeated headers are joined.
    [InlineData(AssertionTarget.Header, "content-type", AssertionOperator.Contains, "application/json", null)]
    [InlineData(AssertionTarget.Header, "Content-Type", AssertionOperator.Contains, "text/html", "header Content-Type was 'application/json; charset=utf-8', expected to contain 'text/html'")]
    [InlineData(AssertionTarget.Header, "Set-Cookie", AssertionOperator.Equals, "a=1, b=2", null)]
    [InlineData(AssertionTarget.Header, "X-Missing", AssertionOperator.Equals, "x", "header X-Missing is missing")]
    [InlineData(AssertionTarget.Header, "X-Missing", AssertionOperator.Exists, "false", null)]
    [InlineData(AssertionTarget.Header, "X-Request-Id", AssertionOperator.Exists, "true", null)]
    [InlineData(AssertionTarget.Header, "X-Request-Id", AssertionOperator.Exists, "false", "header X-Request-Id is present, expected absent")]
    [InlineData(AssertionTarget.Header, "X-Request-Id", AssertionOperator.Matches, "^req-[0-9]+$", null)]
    // Body text compares ordinally.
    [InlineData(AssertionTarget.Body, null, AssertionOperator.Contains, "\"name\":\"shop\"", null)]
    [InlineData(AssertionTarget.Body, null, AssertionOperator.Contains, "SHOP", "body was '{\"total\":3,\"price\":12.5,\"name\":\"shop\",\"flag\":true,\"nothing\":...', expected to contain 'SHOP'")]
    [InlineData(AssertionTarget.Body, null, AssertionOperator.NotContains, "error", null)]
    [InlineData(AssertionTarget.Body, null, AssertionOperator.Matches, "\"total\":\\d+", null)]
    [InlineData(AssertionTarget.Body, null, AssertionOperator.Matches, "([", "body: '([' is not a valid regular expression: Invalid pattern '([' at offset 2. Unterminated [] set.")]
    // JSON values: numbers numerically, scalars as text, containers as compact JSON.
    [InlineData(AssertionTarget.Json, "$.total", AssertionOperator.GreaterThan, "0", null)]
    [InlineData(AssertionTarget.Json, "$.total", AssertionOperator.Equals, "3.0", null)]
    [InlineData(AssertionTarget.Json, "$.total", AssertionOperator.GreaterThan, "5", "$.total was 3, expected greater than 5")]
    [InlineData(AssertionTarget.Json, "$.price", AssertionOperator.LessThan, "13", null)]
    [InlineData(AssertionTarget.Json, "$.name", AssertionOperator.Equals, "{{expectedName}}", null)]
    [InlineData(AssertionTarget.Json, "$.name", AssertionOperator.Equals, "Shop", "$.name was 'shop', expected 'Shop'")]
    [InlineData(AssertionTarget.Json, "$.name", AssertionOperator.GreaterThan, "1", "$.name was 'shop', expected greater than 1 (not a number)")]
    [InlineData(AssertionTarget.Json, "$.flag", AssertionOperator.Equals, "true", null)]
    [InlineData(AssertionTarget.Json, "$.when", AssertionOperator.Equals, "2025-03-01T12:00:00Z", null)]
    [InlineData(AssertionTarget.Json, "$.items[1].id", AssertionOperator.Equals, "b2", null)]
    [InlineData(AssertionTarget.Json, "$.items[0]", AssertionOperator.Equals, "{\"id\":\"a1\"}", null)]
    [InlineData(AssertionTarget.Json, "$.items[5].id", AssertionOperator.Equals, "x", "$.items[5].id is missing")]
    [InlineData(AssertionTarget.Json, "$.items[0].id", AssertionOperator.Exists, "true", null)]
    [InlineData(AssertionTarget.Json, "$.total", AssertionOperator.Exists, "false", "$.total is present, expected absent")]
    [InlineData(AssertionTarget.Json, "$.total", AssertionOperator.Exists, "maybe", "$.total: exists expects true or false, got 'maybe'")]
    [InlineData(AssertionTarget.Json, "$.nothing", AssertionOperator.Equals, "null", null)]
    // Certificate days are whole days, rounded down.
    [InlineData(AssertionTarget.CertificateDaysLeft, null, AssertionOperator.Equals, "30", null)]
    [InlineData(AssertionTarget.CertificateDaysLeft, null, AssertionOperator.GreaterThan, "30", "certDaysLeft 30, expected greater than 30")]
    [InlineData(AssertionTarget.CertificateDaysLeft, null, AssertionOperator.Exists, "true", null)]
    public void Evaluate_ReportsOutcomeAndMessage_ForEachTargetAndOperator(AssertionTarget target, string? selector, AssertionOperator op, string expected, string? expectedMessage)
    {
        var assertion = new AssertionSpec(target, selector, op, Template.Parse(expected), AssertionSeverity.Fail);

        var result = AssertionEvaluator.Evaluate(assertion, TestResponses.Good(), TestResponses.Now, Scope);

        Assert.Equal(expectedMessage is null, result.Passed);
        Assert.Equal(expectedMessage, result.Message);
    }

    [Theory]
    [InlineData("status", AssertionTarget.Status, null, AssertionOperator.Equals, "200", "status 503, expected 200")]
    [InlineData("plain-http", AssertionTarget.CertificateDaysLeft, null, AssertionOperator.GreaterThan, "14", "no certificate (plain HTTP)")]
    [InlineData("plain-http", AssertionTarget.CertificateDaysLeft, null, AssertionOperator.Exists, "false", null)]
    [InlineData("html-body", AssertionTarget.Json, "$.total", AssertionOperator.GreaterThan, "0", "$.total: body is not JSON: Unexpected character encountered while parsing value: <. Path '', line 0, position 0.")]
    [InlineData("html-body", AssertionTarget.Json, "$.total", AssertionOperator.Exists, "false", "$.total: body is not JSON: Unexpected character encountered while parsing value: <. Path '', line 0, position 0.")]
    [InlineData("expired-certificate", AssertionTarget.CertificateDaysLeft, null, AssertionOperator.GreaterThan, "0", "certDaysLeft -2, expected greater than 0")]
    [InlineData("slow", AssertionTarget.Latency, null, AssertionOperator.LessThan, "500", "latency 2001 ms, expected less than 500 ms")]
    public void Evaluate_ReportsOutcomeAndMessage_WhenTheResponseDiffers(string mutation, AssertionTarget target, string? selector, AssertionOperator op, string expected, string? expectedMessage)
    {
        var response = mutation switch
        {
            "status" => TestResponses.Good() with { StatusCode = 503 },
            "plain-http" => TestResponses.Good() with { CertificateNotAfter = null },
            "html-body" => TestResponses.Good() with { Body = "<html>oops</html>" },
            "expired-certificate" => TestResponses.Good() with { CertificateNotAfter = TestResponses.Now.AddDays(-1.5) },
            "slow" => TestResponses.Good() with { Duration = TimeSpan.FromMilliseconds(2000.6) },
            _ => throw new ArgumentOutOfRangeException(nameof(mutation)),
        };
        var assertion = new AssertionSpec(target, selector, op, Template.Parse(expected), AssertionSeverity.Fail);

        var result = AssertionEvaluator.Evaluate(assertion, response, TestResponses.Now, Scope);

        Assert.Equal(expectedMessage is null, result.Passed);
        Assert.Equal(expectedMessage, result.Message);
    }

    [Fact]
    public void Evaluate_Throws_WhenTheExpectedValueReferencesAMissingVariable()
    {
        var assertion = new AssertionSpec(AssertionTarget.Body, null, AssertionOperator.Contains, Template.Parse("{{orderId}}"), AssertionSeverity.Fail);

        var error = Assert.Throws<TemplateRenderException>(() => AssertionEvaluator.Evaluate(assertion, TestResponses.Good(), TestResponses.Now, Scope));

        Assert.Equal("orderId", error.Reference);
    }

    [Fact]
    public void Evaluate_FailsInsteadOfHanging_WhenAPatternBacktracksCatastrophically()
    {
        var response = TestResponses.Good() with { Body = new string('a', 5000) + "!" };
        var assertion = new AssertionSpec(AssertionTarget.Body, null, AssertionOperator.Matches, Template.Literal("^(a+)+$"), AssertionSeverity.Fail);

        var result = AssertionEvaluator.Evaluate(assertion, response, TestResponses.Now, Scope);

        Assert.False(result.Passed);
        Assert.Equal("body: pattern '^(a+)+$' took longer than 1000 ms", result.Message);
    }
}
