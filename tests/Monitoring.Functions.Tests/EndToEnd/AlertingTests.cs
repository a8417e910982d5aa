using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Functions.Notifications;
using Monitoring.Functions.Tests.Support;
using Xunit;

namespace Monitoring.Functions.Tests.EndToEnd;

/// <summary>The whole loop on the local run: a fault, an alert, a notification in the outbox, and its resolution.</summary>
public sealed class AlertingTests
{
    private static readonly TimeSpan CriticalWithin = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task CheckoutHardDown_ReachesTheOutboxAsCriticalWithinAMinute_AndResolvedFollowsRecovery()
    {
        await using var app = await TestApp.StartAsync(scheduler: true);
        var outbox = app.App.Services.GetRequiredService<OutboxFile>();
        await WaitForAsync(async () => DemoJourneyTests.Check(await DemoJourneyTests.GetStatusAsync(app), "checkout")["lastOutcome"]?.GetValue<string>() == "Healthy", TimeSpan.FromSeconds(60));

        await DemoJourneyTests.SetFaultAsync(app, "checkout", """{"down":true}""");
        var sinceFault = Stopwatch.StartNew();
        var firing = await WaitForAsync(() => FindAsync(outbox, "Firing"), CriticalWithin + TimeSpan.FromSeconds(30));
        var detection = sinceFault.Elapsed;
        TestContext.Current.TestOutputHelper?.WriteLine($"Fault to critical notification in the outbox: {detection.TotalSeconds:0.0} s");

        Assert.True(detection < CriticalWithin, $"The critical notification took {detection.TotalSeconds:0.0} s.");
        Assert.Equal("critical", (string?)firing["severity"]);
        Assert.Equal("shop", (string?)firing["service"]);
        Assert.Equal(new Uri(app.BaseAddress, "api/runbooks/journey-down.md").AbsoluteUri, (string?)firing["runbookUrl"]);
        Assert.Contains("failed at step checkout (http-status)", (string?)firing["summary"], StringComparison.Ordinal);

        using (var cleared = await app.Client.DeleteAsync("/demo/faults", TestContext.Current.CancellationToken))
        {
            Assert.True(cleared.IsSuccessStatusCode);
        }

        var sinceRecovery = Stopwatch.StartNew();
        await WaitForAsync(() => FindAsync(outbox, "Resolved"), TimeSpan.FromSeconds(150));
        TestContext.Current.TestOutputHelper?.WriteLine($"Recovery to resolved notification: {sinceRecovery.Elapsed.TotalSeconds:0.0} s");

        var checkoutNotifications = (await OutboxAlerts.ForKeyAsync(outbox, "check:checkout")).Select(a => (string?)a["kind"]).ToList();
        Assert.Equal(["Resolved", "Firing"], checkoutNotifications);
    }

    private static async Task<JsonObject?> FindAsync(OutboxFile outbox, string kind) =>
        (await OutboxAlerts.ForKeyAsync(outbox, "check:checkout")).FirstOrDefault(a => (string?)a["kind"] == kind);

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, TimeSpan patience)
        where T : class
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(patience);
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(200, deadline.Token);
        }
    }

    private static Task<object> WaitForAsync(Func<Task<bool>> probe, TimeSpan patience) =>
        WaitForAsync<object>(async () => await probe() ? new object() : null, patience);
}
