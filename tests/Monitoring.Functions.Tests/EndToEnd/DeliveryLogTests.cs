using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Functions.Notifications;
using Monitoring.Functions.Tests.Support;
using Xunit;

namespace Monitoring.Functions.Tests.EndToEnd;

/// <summary>
/// The delivery log on the real app: what test-notify and alerts deliver is in <c>/api/deliveries</c>
/// and on the status page with the outbox, survives a restart, and never shows a channel's secret URL.
/// </summary>
public sealed class DeliveryLogTests
{
    private const string HookToken = "hook-T0ken-9d1e-do-not-leak";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TestNotify_ShowsEveryDeliveryInTheApiAndOnThePage_WithoutTheWebhookToken()
    {
        var unreachable = LoopbackServer.ClosedPortUrl();
        var spec = await TestApp.WriteSampleWithAsync("""

            notifications:
              channels:
                ops-hook:
                  webhook: { url: "${env:OPS_HOOK_URL}" }
              routes:
                - name: pages
                  match: { severity: critical }
                  channels: [outbox, ops-hook]
            """);
        await using var app = await TestApp.StartAsync(spec, environment: new Dictionary<string, string>
        {
            ["OPS_HOOK_URL"] = $"https://127.0.0.1:{unreachable.Port}/hooks?token={HookToken}",
        });

        using (var test = await app.Client.PostAsync("/api/notifications/test", null, Cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, test.StatusCode);
        }

        var answer = await app.Client.GetStringAsync("/api/deliveries", Cancellation);
        var deliveries = JsonNode.Parse(answer)!["deliveries"]!.AsArray().Select(d => d!.AsObject()).ToList();
        Assert.Equal(
            [("default", "outbox", "outbox", true), ("pages", "ops-hook", "webhook", false), ("pages", "outbox", "outbox", true)],
            deliveries.Select(d => ((string?)d["route"], (string?)d["channel"], (string?)d["channelKind"], d["delivered"]!.GetValue<bool>())));
        Assert.All(deliveries, d => Assert.Equal(("test", true), ((string?)d["kind"], d["test"]!.GetValue<bool>())));
        var failed = deliveries[1];
        Assert.Equal(4, failed["attempts"]!.GetValue<int>());
        Assert.StartsWith("the endpoint could not be reached", (string?)failed["error"], StringComparison.Ordinal);
        Assert.Equal(["test:pages"], failed["alertKeys"]!.AsArray().Select(k => (string?)k));

        var page = await app.Client.GetStringAsync("/", Cancellation);
        Assert.Contains("<h2 id=\"notifications\">Recent notifications</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<td>Test of route pages: A test message through route &#39;pages&#39; to outbox, ops-hook. No action is needed.</td>", page, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"deliveries\">Delivery log</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<td>pages</td><td>ops-hook</td><td>test</td><td class=\"Failed\">Failed</td><td>4</td><td>the endpoint could not be reached", page, StringComparison.Ordinal);
        Assert.DoesNotContain("No notifications yet.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("No deliveries yet.", page, StringComparison.Ordinal);

        await AssertNowhereAsync(app, HookToken, answer + page);
    }

    [Fact]
    public async Task Alert_ShowsItsNotificationAndDeliveryOnThePage_AndInTheApi()
    {
        await using var app = await TestApp.StartAsync();

        await AlertApiTests.FireAsync(app, "checkout");

        var delivery = (await DeliveriesAsync(app, "/api/deliveries")).Single(d => d["alertKeys"]!.AsArray().Any(k => (string?)k == "check:checkout"));
        Assert.Equal(("default", "outbox", "firing", false, true, 1), ((string?)delivery["route"], (string?)delivery["channel"], (string?)delivery["kind"], delivery["test"]!.GetValue<bool>(), delivery["delivered"]!.GetValue<bool>(), delivery["attempts"]!.GetValue<int>()));

        var page = await app.Client.GetStringAsync("/", Cancellation);
        Assert.Matches("<tr><td>[0-9-]{10} [0-9:]{8}Z</td><td>firing</td><td>critical</td><td>checkout[^<]*</td><td>outbox</td></tr>", page);
        Assert.Matches("<tr><td>[0-9-]{10} [0-9:]{8}Z</td><td>default</td><td>outbox</td><td>firing</td><td class=\"Delivered\">Delivered</td><td>1</td><td></td></tr>", page);
    }

    [Fact]
    public async Task Deliveries_SurviveARestart_OfTheAppOnTheSameDatabase()
    {
        var data = Directory.CreateTempSubdirectory("monitoring-restart-");
        var settings = new Dictionary<string, string?> { ["Monitoring:DatabasePath"] = Path.Combine(data.FullName, "monitoring.db") };
        await using (var before = await TestApp.StartAsync(settings: settings))
        {
            using var test = await before.Client.PostAsync("/api/notifications/test", null, Cancellation);
            Assert.Equal(HttpStatusCode.OK, test.StatusCode);
        }

        await using var after = await TestApp.StartAsync(settings: settings);
        var deliveries = await DeliveriesAsync(after, "/api/deliveries");

        Assert.Equal([("default", "outbox", "test")], deliveries.Select(d => ((string?)d["route"], (string?)d["channel"], (string?)d["kind"])));
    }

    [Fact]
    public async Task Deliveries_ReturnsNewestFirstUpToLimit_AndRejectsALimitOutsideOneTo500()
    {
        await using var app = await TestApp.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            using var test = await app.Client.PostAsync("/api/notifications/test", null, Cancellation);
            Assert.Equal(HttpStatusCode.OK, test.StatusCode);
        }

        var all = await DeliveriesAsync(app, "/api/deliveries");
        var newest = await DeliveriesAsync(app, "/api/deliveries?limit=2");

        var times = all.Select(d => d["time"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(3, times.Count);
        Assert.Equal(times.OrderDescending(), times);
        Assert.Equal(times.Take(2), newest.Select(d => d["time"]!.GetValue<DateTimeOffset>()));
        foreach (var limit in new[] { "0", "501", "-1", "ten", "1.5" })
        {
            using var response = await app.Client.GetAsync($"/api/deliveries?limit={limit}", Cancellation);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = (await response.Content.ReadFromJsonAsync<JsonObject>(Cancellation))!;
            Assert.Equal($"'limit' must be a whole number from 1 to 500; got '{limit}'.", (string?)problem["detail"]);
        }
    }

    [Fact]
    public async Task StatusPage_SaysSo_WhenNothingWasNotifiedOrDelivered()
    {
        await using var app = await TestApp.StartAsync();

        var page = await app.Client.GetStringAsync("/", Cancellation);

        Assert.Contains("<p>No notifications yet.</p>", page, StringComparison.Ordinal);
        Assert.Contains("<p>No deliveries yet.</p>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusPage_EncodesOutboxText_WhenItLooksLikeMarkup()
    {
        await using var app = await TestApp.StartAsync();
        var outbox = app.App.Services.GetRequiredService<OutboxFile>();
        await outbox.AppendAsync(new JsonObject
        {
            ["deliveredAt"] = "2026-03-14T12:00:00Z",
            ["channel"] = "outbox",
            ["kind"] = "notification",
            ["payload"] = new JsonObject
            {
                ["severity"] = "critical",
                ["alerts"] = new JsonArray(new JsonObject { ["kind"] = "Firing", ["name"] = "<script>alert(1)</script>", ["summary"] = "a & b" }),
            },
        }, Cancellation);

        var page = await app.Client.GetStringAsync("/", Cancellation);

        Assert.Contains("<tr><td>2026-03-14 12:00:00Z</td><td>firing</td><td>critical</td><td>&lt;script&gt;alert(1)&lt;/script&gt;: a &amp; b</td><td>outbox</td></tr>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
    }

    private static async Task<List<JsonObject>> DeliveriesAsync(TestApp app, string path) =>
        [.. (await app.Client.GetFromJsonAsync<JsonObject>(path, Cancellation))!["deliveries"]!.AsArray().Select(d => d!.AsObject())];

    // The secret must be in no answer, no log line, and no byte of the database.
    private static async Task AssertNowhereAsync(TestApp app, string secret, string answers)
    {
        Assert.DoesNotContain(secret, answers, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, app.AllLogText(), StringComparison.Ordinal);
        await app.App.StopAsync(Cancellation);
        foreach (var file in new[] { app.DatabasePath, app.DatabasePath + "-wal" }.Where(File.Exists))
        {
            var bytes = await File.ReadAllBytesAsync(file, Cancellation);
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)));
        }
    }
}
