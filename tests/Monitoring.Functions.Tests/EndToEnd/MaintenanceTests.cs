using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Functions.Notifications;
using Monitoring.Functions.Tests.Support;
using Xunit;

namespace Monitoring.Functions.Tests.EndToEnd;

/// <summary>Maintenance windows really mute, and announce at their end what is still broken.</summary>
public sealed class MaintenanceTests
{
    [Fact]
    public async Task Window_MutesCheckoutWhileOpen_AndNotifiesAtItsEnd_WhenCheckoutIsStillDown()
    {
        var closesAt = DateTimeOffset.UtcNow.AddSeconds(20);
        var window = $$"""

            maintenance:
              - name: checkout-migration
                match: { check: checkout }
                timeZone: UTC
                from: {{closesAt.AddMinutes(-5).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}}
                until: {{closesAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}}
            """;
        var spec = await TestApp.WriteSampleWithAsync(window);
        await using var app = await TestApp.StartAsync(spec);
        var outbox = app.App.Services.GetRequiredService<OutboxFile>();

        await DemoJourneyTests.SetFaultAsync(app, "checkout", """{"down":true}""");
        for (var run = 0; run < 4; run++)
        {
            Assert.Equal("Failed", (string?)(await DemoJourneyTests.RunAsync(app, "checkout"))["outcome"]);
        }

        var alerts = (await app.Client.GetStringAsync("/api/alerts", TestContext.Current.CancellationToken));
        Assert.Contains("\"state\":\"silenced\"", alerts, StringComparison.Ordinal);
        Assert.Empty(await CheckoutNotificationsAsync(outbox));

        // A tick inside the window still says nothing.
        await TickAsync(app);
        Assert.Empty(await CheckoutNotificationsAsync(outbox));

        var wait = closesAt - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait + TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
        }

        // The first tick after the window: checkout is still down, so people are told at once.
        await TickAsync(app);
        var notification = Assert.Single(await CheckoutNotificationsAsync(outbox));
        Assert.Equal("critical", (string?)notification["severity"]);
        Assert.Equal("firing", (string?)notification["status"]);
    }

    private static async Task TickAsync(TestApp app)
    {
        using var tick = await app.Client.PostAsync("/SyntheticChecks", new StringContent("""{"Data":{},"Metadata":{}}""", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.True(tick.IsSuccessStatusCode);
    }

    private static Task<IReadOnlyList<JsonObject>> CheckoutNotificationsAsync(OutboxFile outbox) =>
        OutboxAlerts.ForKeyAsync(outbox, "check:checkout");
}
