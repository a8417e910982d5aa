using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Functions.Notifications;
using Monitoring.Functions.Tests.Support;
using Xunit;

namespace Monitoring.Functions.Tests.EndToEnd;

/// <summary>test-notify proves every route: a test message per route and channel, and a clear answer for each.</summary>
public sealed class TestNotifyTests
{
    [Fact]
    public async Task TestNotify_ReportsEveryRouteAndChannel_AndWhichOnesFailed()
    {
        var unreachable = LoopbackServer.ClosedPortUrl();
        var notifications = $$"""

            notifications:
              channels:
                ops-hook:
                  webhook: { url: "https://127.0.0.1:{{unreachable.Port}}/hooks" }
              routes:
                - name: pages
                  match: { severity: critical }
                  channels: [outbox, ops-hook]
            """;
        var spec = await TestApp.WriteSampleWithAsync(notifications);
        await using var app = await TestApp.StartAsync(spec);

        using var response = await app.Client.PostAsync("/api/notifications/test", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        Assert.False(answer["delivered"]!.GetValue<bool>());
        var deliveries = answer["deliveries"]!.AsArray().Select(d => ((string?)d!["route"], (string?)d["channel"], d["delivered"]!.GetValue<bool>())).ToList();
        Assert.Equal([("pages", "outbox", true), ("pages", "ops-hook", false), ("default", "outbox", true)], deliveries);
        var failure = answer["deliveries"]!.AsArray().Single(d => (string?)d!["channel"] == "ops-hook")!;
        Assert.StartsWith("the endpoint could not be reached", (string?)failure["error"], StringComparison.Ordinal);

        var tests = await OutboxAlerts.ReadAsync(app.App.Services.GetRequiredService<OutboxFile>());
        Assert.Equal(["test:default", "test:pages"], tests.Select(t => (string?)t["key"]).Order(StringComparer.Ordinal));
        Assert.All(tests, t => Assert.Equal("Test", (string?)t["kind"]));
    }
}
