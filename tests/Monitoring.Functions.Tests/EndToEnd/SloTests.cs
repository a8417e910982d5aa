using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Functions.Notifications;
using Monitoring.Functions.Tests.Support;
using Xunit;

namespace Monitoring.Functions.Tests.EndToEnd;

/// <summary>The sample SLOs, end to end: checks run, the SloEvaluation timer reads the store, /api/slos shows the result.</summary>
public sealed class SloTests
{
    // A custom KQL SLO, which only Log Analytics can answer: locally it is listed as not evaluable.
    private const string KqlSlo = """

          - name: search-success
            objective: 99
            sli:
              kql: { good: "AppRequests | where Success", total: "AppRequests" }
        """;

    private const string TimerPayload = """{"Data":{"timer":{"Schedule":{"AdjustForDST":false},"IsPastDue":false}},"Metadata":{}}""";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Slos_ShowFullBudget_WhenHealthy_AndHighShortWindowBurn_WhenCheckoutFails()
    {
        var spec = await TestApp.WriteSampleWithAsync(KqlSlo);
        await using var app = await TestApp.StartAsync(spec);

        var before = await GetSlosAsync(app);
        Assert.Equal("pending", (string?)Slo(before, "checkout-availability")["alertState"]);

        await PostAsync(app, "/SyntheticChecks", """{"Data":{},"Metadata":{}}""");
        await PostAsync(app, "/SloEvaluation", TimerPayload);
        var healthy = await GetSlosAsync(app);

        Assert.Equal(7, healthy["slos"]!.AsArray().Count);
        var checkout = Slo(healthy, "checkout-availability");
        Assert.Equal(99.9, checkout["objective"]!.GetValue<double>());
        Assert.Equal("30d", (string?)checkout["window"]);
        Assert.Equal(100, checkout["attainment"]!.GetValue<double>());
        Assert.Equal(100, checkout["budgetRemaining"]!.GetValue<double>());
        Assert.Equal(0, checkout["burnRates"]!["5m"]!.GetValue<double>());
        Assert.Equal("none", (string?)checkout["alertState"]);
        Assert.Equal(4, checkout["alerts"]!.AsArray().Count);
        Assert.Equal("7d", (string?)Slo(healthy, "homepage-latency")["window"]);
        Assert.Contains("Azure", (string?)Slo(healthy, "search-success")["notEvaluable"], StringComparison.Ordinal);

        await DemoJourneyTests.SetFaultAsync(app, "checkout", """{"errorRate":1}""");
        await DemoJourneyTests.RunAsync(app, "checkout");
        await DemoJourneyTests.RunAsync(app, "checkout");
        await PostAsync(app, "/SloEvaluation", TimerPayload);
        var failing = await GetSlosAsync(app);

        checkout = Slo(failing, "checkout-availability");
        // Two of three runs failed: (2/3) / 0.001 ≈ 667 over every window, and two bad runs satisfy the low-traffic policy.
        Assert.Equal(2000.0 / 3, checkout["burnRates"]!["5m"]!.GetValue<double>(), 3);
        Assert.Equal(2000.0 / 3, checkout["burnRates"]!["1h"]!.GetValue<double>(), 3);
        Assert.Equal("page", (string?)checkout["alertState"]);
        Assert.True(checkout["budgetRemaining"]!.GetValue<double>() < 0);
        Assert.Equal(100, Slo(failing, "login-availability")["budgetRemaining"]!.GetValue<double>());
        Assert.Equal(2 * 7, CountSloRows(app.DatabasePath));

        // The burn goes through the alert engine: one critical SLO page, with the service's owners, in the outbox.
        var pages = await OutboxAlerts.ForKeyAsync(app.App.Services.GetRequiredService<OutboxFile>(), "slo:checkout-availability:page");
        var page = Assert.Single(pages);
        Assert.Equal(("critical", "Firing", "web-platform"), ((string?)page["severity"], (string?)page["kind"], (string?)page["team"]));
        Assert.Empty(await OutboxAlerts.ForKeyAsync(app.App.Services.GetRequiredService<OutboxFile>(), "slo:checkout-availability:ticket"));
        Assert.Empty(await OutboxAlerts.ForKeyAsync(app.App.Services.GetRequiredService<OutboxFile>(), "slo:login-availability:no-data"));
    }

    private static JsonObject Slo(JsonObject answer, string name) =>
        answer["slos"]!.AsArray().Single(s => (string?)s!["name"] == name)!.AsObject();

    private static async Task<JsonObject> GetSlosAsync(TestApp app)
    {
        using var response = await app.Client.GetAsync("/api/slos", Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Cancellation))!;
    }

    private static async Task PostAsync(TestApp app, string path, string json)
    {
        using var response = await app.Client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static long CountSloRows(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM MonitorSloStatus_CL";
        return (long)command.ExecuteScalar()!;
    }
}
