using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Functions.Notifications;
using Monitoring.Functions.Tests.Support;
using Xunit;

namespace Monitoring.Functions.Tests.EndToEnd;

/// <summary>
/// The sample spec's data check on the demo orders feed, end to end: the DataChecks timer reads the feed over HTTP,
/// judges freshness, volume and schema, stores MonitorDataCheck_CL rows, alerts, and feeds the freshness SLO.
/// </summary>
public sealed class DataCheckTests
{
    private const string TimerPayload = """{"Data":{"timer":{"Schedule":{"AdjustForDST":false},"IsPastDue":false}},"Metadata":{}}""";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DemoFeed_IsHealthy_AndItsRowsAreStored_WhenNothingIsBroken()
    {
        await using var app = await TestApp.StartAsync();

        await PostAsync(app, "/DataChecks", TimerPayload);
        var feed = await GetDataCheckAsync(app, "orders-feed");

        Assert.Equal("Healthy", (string?)feed["outcome"]);
        Assert.Equal("http", (string?)feed["source"]);
        Assert.Equal(["connection", "freshness", "volume", "schema"], Kinds(feed));
        var volume = Result(feed, "volume");
        Assert.InRange(volume["rowCount"]!.GetValue<long>(), 30, 200);
        Assert.Equal(["id", "customer", "total", "currency", "createdAt"], feed["schema"]!["baseline"]!.AsArray().Select(c => (string?)c!["name"]));
        Assert.Equal(4, CountRows(app.DatabasePath, "orders-feed"));
    }

    [Fact]
    public async Task DemoFeed_RemovedColumn_IsDrift_AndAcceptingItThroughTheApi_QuietsIt()
    {
        await using var app = await TestApp.StartAsync();
        await PostAsync(app, "/DataChecks", TimerPayload);

        await PutFeedFaultAsync(app, """{"dropColumn":"currency"}""");
        var drifted = await RunAsync(app, "orders-feed");

        Assert.Equal("Failed", (string?)drifted["outcome"]);
        var schema = Result(drifted, "schema");
        Assert.Equal("Failed", (string?)schema["outcome"]);
        Assert.Contains("currency", (string?)schema["summary"], StringComparison.Ordinal);
        Assert.Equal(["currency"], schema["details"]!["removed"]!.AsArray().Select(c => (string?)c));
        Assert.Equal("Healthy", (string?)Result(drifted, "freshness")["outcome"]);
        Assert.Equal("firing", await AlertStateAsync(app, "data:orders-feed:schema"));
        var notified = await OutboxAlerts.ForKeyAsync(app.App.Services.GetRequiredService<OutboxFile>(), "data:orders-feed:schema");
        Assert.Equal("Firing", (string?)Assert.Single(notified)["kind"]);

        using var accept = await app.Client.PostAsync("/api/data-checks/orders-feed/schema/accept", null, Cancellation);
        Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        var accepted = (await accept.Content.ReadFromJsonAsync<JsonObject>(Cancellation))!;

        // The feed still lacks the column, but that is now the accepted shape: the drift alert resolves at once.
        Assert.Equal("Healthy", (string?)accepted["outcome"]);
        Assert.Equal("Healthy", (string?)Result(accepted, "schema")["outcome"]);
        Assert.DoesNotContain("currency", accepted["schema"]!["baseline"]!.AsArray().Select(c => (string?)c!["name"]));
        Assert.NotEqual("firing", await AlertStateAsync(app, "data:orders-feed:schema"));
        var resolved = await OutboxAlerts.ForKeyAsync(app.App.Services.GetRequiredService<OutboxFile>(), "data:orders-feed:schema");
        Assert.Contains(resolved, a => (string?)a["kind"] == "Resolved");
    }

    [Fact]
    public async Task DemoFeed_EmptiedFeed_IsAVolumeViolation()
    {
        await using var app = await TestApp.StartAsync();

        await PutFeedFaultAsync(app, """{"empty":true}""");
        var emptied = await RunAsync(app, "orders-feed");

        var volume = Result(emptied, "volume");
        Assert.Equal("Failed", (string?)volume["outcome"]);
        Assert.Equal(0, volume["rowCount"]!.GetValue<long>());
        Assert.Equal("firing", await AlertStateAsync(app, "data:orders-feed:volume"));
    }

    [Fact]
    public async Task AcceptSchemaCommand_MakesTheObservedSchemaTheBaseline_InTheStore()
    {
        await using var app = await TestApp.StartAsync();
        var store = "--Monitoring:DatabasePath=" + app.DatabasePath;
        var (nothingYet, _, nothingError) = await AcceptWithCommandAsync(["orders-feed", TestApp.SampleSpecPath], store);
        Assert.Equal((1, true), (nothingYet, nothingError.Contains("has not read a schema yet", StringComparison.Ordinal)));

        await PostAsync(app, "/DataChecks", TimerPayload);
        await PutFeedFaultAsync(app, """{"dropColumn":"customer"}""");
        Assert.Equal("Failed", (string?)Result(await RunAsync(app, "orders-feed"), "schema")["outcome"]);

        var (exit, output, _) = await AcceptWithCommandAsync(["orders-feed", TestApp.SampleSpecPath], store);

        Assert.Equal(0, exit);
        Assert.Contains("Accepted the schema of orders-feed (4 columns): id string, total number, currency string, createdAt string.", output, StringComparison.Ordinal);
        Assert.Equal("Healthy", (string?)Result(await RunAsync(app, "orders-feed"), "schema")["outcome"]);
    }

    [Theory]
    [InlineData("no-such-feed", "The spec has no data check named 'no-such-feed'.")]
    [InlineData("checkout", "The spec has no data check named 'checkout'.")]
    public async Task AcceptSchemaCommand_RefusesWithUsage_WhenTheNameIsNoDataCheck(string name, string expected)
    {
        await using var app = await TestApp.StartAsync();

        var (exit, _, error) = await AcceptWithCommandAsync([name, TestApp.SampleSpecPath], "--Monitoring:DatabasePath=" + app.DatabasePath);

        Assert.Equal(2, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptSchema_Answers404_ForAnUnknownDataCheck()
    {
        await using var app = await TestApp.StartAsync();

        using var response = await app.Client.PostAsync("/api/data-checks/no-such-feed/schema/accept", null, Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no-such-feed", await response.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FreshnessSlo_BurnsAndPages_WhenTheFeedStops_AndTheApiShowsIt()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 5, TimeSpan.Zero));
        await using var app = await TestApp.StartAsync(time: time);

        for (var minute = 0; minute < 5; minute++)
        {
            await TickAsync(app, time);
        }

        var healthy = Slo(await GetJsonAsync(app, "/api/slos"), "orders-freshness");
        Assert.Equal(100, healthy["attainment"]!.GetValue<double>());
        Assert.Equal("none", (string?)healthy["alertState"]);

        await PutFeedFaultAsync(app, """{"stopped":true}""");
        var minutesToPage = 0;
        JsonObject burning;
        do
        {
            await TickAsync(app, time);
            minutesToPage++;
            burning = Slo(await GetJsonAsync(app, "/api/slos"), "orders-freshness");
        }
        while ((string?)burning["alertState"] != "page" && minutesToPage < 15);

        // Stale after 5 minutes (maxAge), then two stale minutes satisfy the low-traffic policy and burn far past 14.4.
        Assert.Equal("page", (string?)burning["alertState"]);
        Assert.InRange(minutesToPage, 6, 8);
        Assert.True(burning["burnRates"]!["5m"]!.GetValue<double>() > 14.4);
        Assert.True(burning["budgetRemaining"]!.GetValue<double>() < 100);
        Assert.Equal("Failed", (string?)Result(await GetDataCheckAsync(app, "orders-feed"), "freshness")["outcome"]);

        var pages = await OutboxAlerts.ForKeyAsync(app.App.Services.GetRequiredService<OutboxFile>(), "slo:orders-freshness:page");
        Assert.Equal(("critical", "Firing"), ((string?)Assert.Single(pages)["severity"], (string?)pages[0]["kind"]));
        Assert.Equal("firing", await AlertStateAsync(app, "data:orders-feed:freshness"));
    }

    private static async Task<(int Exit, string Output, string Error)> AcceptWithCommandAsync(string[] arguments, string store)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await Monitoring.Functions.Hosting.AcceptSchemaCommand.RunAsync(arguments, output, error, [store]);
        return (exit, output.ToString(), error.ToString());
    }

    private static async Task TickAsync(TestApp app, FakeTimeProvider time)
    {
        time.Advance(TimeSpan.FromMinutes(1));
        await PostAsync(app, "/DataChecks", TimerPayload);
        await PostAsync(app, "/SloEvaluation", TimerPayload);
    }

    private static IEnumerable<string?> Kinds(JsonObject dataCheck) => dataCheck["results"]!.AsArray().Select(r => (string?)r!["kind"]);

    private static JsonObject Result(JsonObject dataCheck, string kind) =>
        dataCheck["results"]!.AsArray().Single(r => (string?)r!["kind"] == kind)!.AsObject();

    private static JsonObject Slo(JsonObject answer, string name) =>
        answer["slos"]!.AsArray().Single(s => (string?)s!["name"] == name)!.AsObject();

    private static async Task<JsonObject> GetDataCheckAsync(TestApp app, string name) =>
        (await GetJsonAsync(app, "/api/data-checks"))["dataChecks"]!.AsArray().Single(c => (string?)c!["name"] == name)!.AsObject();

    private static async Task<string?> AlertStateAsync(TestApp app, string key) =>
        (string?)(await GetJsonAsync(app, "/api/alerts"))["alerts"]!.AsArray().SingleOrDefault(a => (string?)a!["key"] == key)?["state"];

    private static async Task<JsonObject> RunAsync(TestApp app, string name)
    {
        using var response = await app.Client.PostAsync($"/api/data-checks/{name}/run", null, Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Cancellation))!;
    }

    private static async Task PutFeedFaultAsync(TestApp app, string json)
    {
        using var response = await app.Client.PutAsync("/demo/feed/fault", new StringContent(json, Encoding.UTF8, "application/json"), Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<JsonObject> GetJsonAsync(TestApp app, string path)
    {
        using var response = await app.Client.GetAsync(path, Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Cancellation))!;
    }

    private static async Task PostAsync(TestApp app, string path, string json)
    {
        using var response = await app.Client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static long CountRows(string databasePath, string checkName)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM MonitorDataCheck_CL WHERE CheckName = $name";
        command.Parameters.AddWithValue("$name", checkName);
        return (long)command.ExecuteScalar()!;
    }
}
