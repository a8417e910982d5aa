using Xunit;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Monitoring.Functions.Tests.Support;

namespace Monitoring.Functions.Tests.EndToEnd;

/// <summary>The sample spec against the demo shop, through the whole app on a real port.</summary>
public sealed class DemoJourneyTests
{
    private static readonly string[] Journeys = ["homepage", "product-detail", "login", "add-to-cart", "checkout"];

    /// <summary>The timer payload as the Functions host documents it.</summary>
    private const string HostTimerPayload = """
        {
          "Data": {
            "timer": {
              "Schedule": { "AdjustForDST": true },
              "ScheduleStatus": { "Last": "2026-11-23T10:00:00+00:00", "Next": "2026-11-23T10:01:00+00:00", "LastUpdated": "2026-11-23T10:00:00+00:00" },
              "IsPastDue": false
            }
          },
          "Metadata": { "sys": { "MethodName": "SyntheticChecks", "UtcNow": "2026-11-23T10:01:00.012Z", "RandGuid": "6d3f1b7e-0a55-4c43-9d3c-2f4b1c7a9e10" } }
        }
        """;

    [Fact]
    public async Task SyntheticChecks_RunsEveryJourneyAndAnswersInvocationResponse_WhenHostPostsTimerPayload()
    {
        await using var app = await TestApp.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/SyntheticChecks") { Content = new StringContent(HostTimerPayload, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        request.Headers.Add("X-Azure-Functions-HostVersion", "4.1040.0");

        using var response = await app.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject();
        Assert.Equal(["Outputs", "Logs", "ReturnValue"], body.Select(p => p.Key));
        Assert.IsType<JsonObject>(body["Outputs"]);
        var logs = Assert.IsType<JsonArray>(body["Logs"]);
        Assert.Contains("5 Healthy", (string?)logs.Single(), StringComparison.Ordinal);
        Assert.Null(body["ReturnValue"]);

        var status = await GetStatusAsync(app);
        foreach (var journey in Journeys)
        {
            Assert.Equal("Healthy", Check(status, journey)["lastOutcome"]?.GetValue<string>());
        }

        Assert.Equal(5, CountStoredRuns(app.DatabasePath));
    }

    [Fact]
    public async Task Checkout_FailsAtCheckoutStepWithHttpStatus_WhenShopAnswers500_AndRecoversWhenFaultIsRemoved()
    {
        await using var app = await TestApp.StartAsync();
        await SetFaultAsync(app, "checkout", """{"errorRate":1}""");

        var failed = await RunAsync(app, "checkout");
        Assert.Equal("Failed", failed["outcome"]?.GetValue<string>());
        Assert.Equal("checkout", failed["failedStep"]?.GetValue<string>());
        Assert.Equal("http-status", failed["errorKind"]?.GetValue<string>());
        Assert.Equal(500, failed["statusCode"]?.GetValue<int>());
        var steps = failed["steps"]!.AsArray();
        Assert.Equal("Passed", steps.Single(s => (string?)s!["name"] == "logout")!["outcome"]?.GetValue<string>());

        using var cleared = await app.Client.DeleteAsync("/demo/faults", TestContext.Current.CancellationToken);
        Assert.True(cleared.IsSuccessStatusCode);
        var recovered = await RunAsync(app, "checkout");
        Assert.Equal("Healthy", recovered["outcome"]?.GetValue<string>());

        var status = await GetStatusAsync(app);
        Assert.Equal("Healthy", Check(status, "checkout")["lastOutcome"]?.GetValue<string>());
        Assert.Equal(2, Check(status, "checkout")["recentRuns"]!.AsArray().Count);
    }

    [Fact]
    public async Task Homepage_IsDegraded_WhenTwoSecondsOfLatencyExceedDegradedAfter()
    {
        await using var app = await TestApp.StartAsync();
        await SetFaultAsync(app, "homepage", """{"latencyMs":2000}""");

        var degraded = await RunAsync(app, "homepage");

        Assert.Equal("Degraded", degraded["outcome"]?.GetValue<string>());
        // The run is slower than the sample's degradedAfter (1500 ms); the 2 s delay itself may measure a hair short on timer granularity.
        Assert.InRange(degraded["durationMs"]!.GetValue<double>(), 1500, 5000);
        Assert.Contains("degraded after 1500 ms", degraded["message"]?.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(degraded["errorKind"]);
    }

    [Fact]
    public async Task LocalScheduler_ShowsAllJourneysHealthyWithinNinetySeconds_AndLogsOneLinePerRun()
    {
        await using var app = await TestApp.StartAsync(scheduler: true);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(90));

        JsonObject status;
        do
        {
            await Task.Delay(250, deadline.Token);
            status = await GetStatusAsync(app);
        }
        while (!Journeys.All(j => Check(status, j)["lastOutcome"]?.GetValue<string>() == "Healthy"));

        var runLines = app.Logs.GetSnapshot().Where(r => r.Id.Id == 100).ToList();
        foreach (var journey in Journeys)
        {
            var line = Assert.Single(runLines, r => r.StructuredState!.Any(kv => kv.Key == "CheckName" && kv.Value == journey));
            Assert.Contains(line.StructuredState!, kv => kv.Key == "Outcome" && kv.Value == "Healthy");
            Assert.Contains(line.StructuredState!, kv => kv.Key == "DurationMs" && long.TryParse(kv.Value, out _));
        }
    }

    internal static async Task<JsonObject> GetStatusAsync(TestApp app) =>
        (await app.Client.GetFromJsonAsync<JsonObject>("/api/status", TestContext.Current.CancellationToken))!;

    internal static JsonObject Check(JsonObject status, string name) =>
        status["checks"]!.AsArray().Single(c => (string?)c!["name"] == name)!.AsObject();

    internal static async Task<JsonObject> RunAsync(TestApp app, string check)
    {
        using var response = await app.Client.PostAsync($"/api/checks/{check}/run", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
    }

    internal static async Task SetFaultAsync(TestApp app, string route, string json)
    {
        using var response = await app.Client.PutAsync($"/demo/faults/{route}", new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"Setting the {route} fault answered {(int)response.StatusCode}.");
    }

    private static long CountStoredRuns(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM MonitorCheckRun_CL";
        return (long)command.ExecuteScalar()!;
    }
}
