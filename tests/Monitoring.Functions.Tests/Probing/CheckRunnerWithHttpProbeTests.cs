using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Monitoring.Core.Checks;
using Monitoring.Core.Secrets;
using Monitoring.Core.Spec;
using Monitoring.Functions.Probing;
using Monitoring.Functions.Tests.Support;
using Xunit;

namespace Monitoring.Functions.Tests.Probing;

public sealed class CheckRunnerWithHttpProbeTests
{
    private readonly Dictionary<string, int> calls = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    [Fact]
    public async Task RunAsync_IsHealthyOnTheSecondAttempt_WhenTheTargetFailsOnce()
    {
        await using var server = await ShopAsync();
        var check = TestCheckSpecs.Check(
            "flaky-journey",
            TestCheckSpecs.Step("login", "{{baseUrl}}/login") with
            {
                Extractions = [new ExtractionSpec("token", ExtractionSource.JsonPath, "$.token", 0)],
            },
            TestCheckSpecs.Step("flaky", "{{baseUrl}}/flaky") with
            {
                Headers = [new HeaderSpec("Authorization", Template.Parse("Bearer {{token}}"))],
                Assertions = [new AssertionSpec(AssertionTarget.Body, null, AssertionOperator.Equals, Template.Literal("ok for tok-7"), AssertionSeverity.Fail)],
            }) with
        {
            Retries = 1,
            Variables = [TestCheckSpecs.Variable("baseUrl", server.BaseAddress.ToString().TrimEnd('/'))],
        };

        var result = await RunAsync(check);

        Assert.Equal(CheckOutcome.Healthy, result.Outcome);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(2, Calls("/flaky"));
        Assert.Equal(2, Calls("/login"));
        Assert.All(result.Steps, s => Assert.Equal(StepOutcome.Passed, s.Outcome));
        Assert.Equal(200, result.StatusCode);
        Assert.True(result.DurationMs > 0);
    }

    [Fact]
    public async Task RunAsync_RunsTheCleanupStep_WhenAnEarlierStepFails()
    {
        await using var server = await ShopAsync();
        var baseUrl = server.BaseAddress.ToString().TrimEnd('/');
        var check = TestCheckSpecs.Check(
            "broken-journey",
            TestCheckSpecs.Step("login", baseUrl + "/login"),
            TestCheckSpecs.Step("broken", baseUrl + "/broken"),
            TestCheckSpecs.Step("checkout", baseUrl + "/checkout"),
            TestCheckSpecs.Step("logout", baseUrl + "/logout") with { Method = "POST", Always = true });

        var result = await RunAsync(check);

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Equal("broken", result.FailedStep);
        Assert.Equal(ErrorKind.HttpStatus, result.ErrorKind);
        Assert.Equal(503, result.StatusCode);
        Assert.Equal("status 503, expected less than 400", result.Message);
        Assert.Equal(["Passed", "Failed", "Skipped", "Passed"], result.Steps.Select(s => s.Outcome.ToString()));
        Assert.Equal(0, Calls("/checkout"));
        Assert.Equal(1, Calls("/logout"));
    }

    private static async Task<CheckRunResult> RunAsync(CheckSpec check)
    {
        var runner = new CheckRunner(new HttpClientProbeFactory(TimeProvider.System), TimeProvider.System, new DictionaryEnvironment(), new SecretRedactor());
        return await runner.RunAsync(check, TestContext.Current.CancellationToken);
    }

    private Task<LoopbackServer> ShopAsync() => LoopbackServer.StartAsync(app =>
    {
        app.MapGet("/login", () => { Count("/login"); return Results.Json(new { token = "tok-7" }); });
        app.MapGet("/flaky", (HttpContext context) => Count("/flaky") == 1
            ? Results.StatusCode(500)
            : Results.Text("ok for " + context.Request.Headers.Authorization.ToString()["Bearer ".Length..]));
        app.MapGet("/broken", () => { Count("/broken"); return Results.StatusCode(503); });
        app.MapGet("/checkout", () => { Count("/checkout"); return Results.Ok(); });
        app.MapPost("/logout", () => { Count("/logout"); return Results.NoContent(); });
    });

    private int Count(string path)
    {
        lock (gate)
        {
            calls[path] = Calls(path) + 1;
            return calls[path];
        }
    }

    private int Calls(string path)
    {
        lock (gate)
        {
            return calls.GetValueOrDefault(path);
        }
    }
}
