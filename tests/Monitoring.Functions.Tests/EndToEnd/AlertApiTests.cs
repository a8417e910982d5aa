using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Functions.Notifications;
using Monitoring.Functions.Tests.Support;
using Xunit;

namespace Monitoring.Functions.Tests.EndToEnd;

/// <summary>Alerts, acknowledgements and silences through the API, on the real app with the demo shop.</summary>
public sealed class AlertApiTests
{
    [Fact]
    public async Task Acknowledge_OwnsTheFiringAlert_Once()
    {
        await using var app = await TestApp.StartAsync();
        await FireAsync(app, "checkout");

        var alerts = await GetAsync(app, "/api/alerts");
        var checkout = alerts["alerts"]!.AsArray().Single(a => (string?)a!["key"] == "check:checkout")!;
        Assert.Equal("firing", (string?)checkout["state"]);
        Assert.Equal("critical", (string?)checkout["severity"]);
        Assert.True(alerts["open"]!.GetValue<int>() >= 1);

        using var ack = await PostAsync(app, "/api/alerts/check:checkout/ack", """{"by":"alice"}""");
        using var again = await PostAsync(app, "/api/alerts/check:checkout/ack", """{"by":"bob"}""");
        using var unknown = await PostAsync(app, "/api/alerts/check:nope/ack", null);

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var acknowledged = (await ack.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        Assert.Equal(("acknowledged", "alice"), ((string?)acknowledged["state"], (string?)acknowledged["acknowledgedBy"]));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Silence_MutesMatchingAlerts_AndItsEndNotifiesAtOnce_WhenStillFailing()
    {
        await using var app = await TestApp.StartAsync();
        var outbox = app.App.Services.GetRequiredService<OutboxFile>();
        using var created = await PostAsync(app, "/api/silences", """{"matchers":{"check":"login"},"duration":"1h","createdBy":"bob","comment":"login migration"}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var silence = (await created.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        var id = (string)silence["id"]!;
        Assert.True(silence["active"]!.GetValue<bool>());

        await FireAsync(app, "login");

        var login = (await GetAsync(app, "/api/alerts"))["alerts"]!.AsArray().Single(a => (string?)a!["key"] == "check:login")!;
        Assert.Equal("silenced", (string?)login["state"]);
        Assert.DoesNotContain(await NotificationsAsync(outbox), n => n.Key == "check:login");
        Assert.Contains(id, (await app.Client.GetStringAsync("/api/silences", TestContext.Current.CancellationToken)), StringComparison.Ordinal);

        using var deleted = await app.Client.DeleteAsync($"/api/silences/{id}", TestContext.Current.CancellationToken);
        using var deletedAgain = await app.Client.DeleteAsync($"/api/silences/{id}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deletedAgain.StatusCode);
        // Nobody heard of this incident while it was silenced, so its first notification says it is firing.
        Assert.Equal([("check:login", "Firing")], (await NotificationsAsync(outbox)).Where(n => n.Key == "check:login"));
    }

    [Theory]
    // Silences must say what they mute and for how long.
    [InlineData("""{"duration":"1h"}""", "matchers")]
    [InlineData("""{"matchers":{}, "duration":"1h"}""", "matchers")]
    [InlineData("""{"matchers":{"service":"shop"}}""", "duration")]
    [InlineData("""{"matchers":{"service":"shop"},"duration":"soon"}""", "duration")]
    [InlineData("""{"matchers":{"service":"shop"},"duration":"90d"}""", "endsAt")]
    public async Task CreateSilence_AnswersValidationProblem_WhenTheRequestIsIncomplete(string body, string field)
    {
        await using var app = await TestApp.StartAsync();

        using var response = await PostAsync(app, "/api/silences", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task CreateSilence_AnswersBadRequest_WhenTheBodyIsNotJson()
    {
        await using var app = await TestApp.StartAsync();

        using var response = await PostAsync(app, "/api/silences", "{matchers:");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Takes <paramref name="check"/>'s target down and runs it until its alert fires.</summary>
    internal static async Task FireAsync(TestApp app, string check)
    {
        await DemoJourneyTests.SetFaultAsync(app, check == "checkout" ? "checkout" : "login", """{"down":true}""");
        for (var run = 0; run < 3; run++)
        {
            Assert.Equal("Failed", (string?)(await DemoJourneyTests.RunAsync(app, check))["outcome"]);
        }
    }

    private static async Task<JsonObject> GetAsync(TestApp app, string path) =>
        (await app.Client.GetFromJsonAsync<JsonObject>(path, TestContext.Current.CancellationToken))!;

    private static Task<HttpResponseMessage> PostAsync(TestApp app, string path, string? json) =>
        app.Client.PostAsync(path, json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

    private static async Task<IReadOnlyList<(string? Key, string? Kind)>> NotificationsAsync(OutboxFile outbox) =>
        [.. (await OutboxAlerts.ReadAsync(outbox)).Select(a => ((string?)a["key"], (string?)a["kind"]))];
}
