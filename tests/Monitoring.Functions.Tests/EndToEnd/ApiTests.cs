using Xunit;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Monitoring.Functions.Tests.Support;

namespace Monitoring.Functions.Tests.EndToEnd;

public sealed class ApiTests
{
    [Theory]
    // Out-of-range or malformed query values.
    [InlineData("/api/status?runs=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/status?runs=abc", HttpStatusCode.BadRequest)]
    [InlineData("/api/status?runs=101", HttpStatusCode.BadRequest)]
    [InlineData("/api/checks/checkout/runs?limit=-1", HttpStatusCode.BadRequest)]
    // Unknown checks.
    [InlineData("/api/checks/no-such-check/runs", HttpStatusCode.NotFound)]
    public async Task Api_AnswersProblemDetails_WhenRequestIsBad(string path, HttpStatusCode expected)
    {
        await using var app = await TestApp.StartAsync();

        using var response = await app.Client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        Assert.Equal((int)expected, problem["status"]?.GetValue<int>());
        Assert.False(string.IsNullOrEmpty((string?)problem["detail"]));
    }

    [Fact]
    public async Task RunCheck_AnswersNotFoundProblem_WhenCheckIsUnknown()
    {
        await using var app = await TestApp.StartAsync();

        using var response = await app.Client.PostAsync("/api/checks/no-such-check/run", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Status_ListsEveryCheckAsPending_BeforeAnyRun()
    {
        await using var app = await TestApp.StartAsync();

        var status = await DemoJourneyTests.GetStatusAsync(app);

        var checks = status["checks"]!.AsArray();
        Assert.Equal(5, checks.Count);
        Assert.All(checks, c => Assert.Equal("Pending", (string?)c!["lastOutcome"]));
        Assert.Equal(5, status["summary"]!["Pending"]!.GetValue<int>());
    }

    [Fact]
    public async Task CheckRuns_ListsNewestFirstWithSteps_AfterTwoRuns()
    {
        await using var app = await TestApp.StartAsync();
        var first = await DemoJourneyTests.RunAsync(app, "login");
        var second = await DemoJourneyTests.RunAsync(app, "login");

        var answer = (await app.Client.GetFromJsonAsync<JsonObject>("/api/checks/login/runs?limit=5", TestContext.Current.CancellationToken))!;

        var runs = answer["runs"]!.AsArray();
        Assert.Equal([(string?)second["runId"], (string?)first["runId"]], runs.Select(r => (string?)r!["runId"]));
        Assert.Equal(["login", "logout"], runs[0]!["steps"]!.AsArray().Select(s => (string?)s!["name"]));
        Assert.All(runs[0]!["steps"]!.AsArray(), s => Assert.True(s!["durationMs"]!.GetValue<double>() >= 0));
    }

    [Fact]
    public async Task Health_AnswersHealthyWithoutKey_WhenFunctionKeyIsConfigured()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Monitoring:FunctionKey"] = "k3y-for-tests" });

        using var health = await app.Client.GetAsync("/api/health", TestContext.Current.CancellationToken);
        using var statusWithoutKey = await app.Client.GetAsync("/api/status", TestContext.Current.CancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/status");
        request.Headers.Add("x-functions-key", "k3y-for-tests");
        using var statusWithKey = await app.Client.SendAsync(request, TestContext.Current.CancellationToken);
        using var runWithWrongCode = await app.Client.PostAsync("/api/checks/login/run?code=wrong", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, statusWithoutKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, statusWithKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, runWithWrongCode.StatusCode);
    }

    [Fact]
    public async Task InvocationEndpoint_AnswersBadRequest_WhenBodyIsNotJson()
    {
        await using var app = await TestApp.StartAsync();

        using var response = await app.Client.PostAsync("/Heartbeat", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
