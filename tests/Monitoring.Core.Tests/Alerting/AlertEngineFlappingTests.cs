using System.Text;
using Monitoring.Core.Alerting;
using Xunit;
using static Monitoring.Core.Tests.Alerting.AlertFixtures;

namespace Monitoring.Core.Tests.Alerting;

/// <summary>Flapping conditions must not become a storm of open/close notifications (trap 3).</summary>
public sealed class AlertEngineFlappingTests
{
    [Theory]
    // description, failure threshold, keep-firing minutes (null: none), breaching minutes, then healthy minutes, repeated for four hours
    [InlineData("5 min on / 5 min off with the defaults is one incident", 3, 10, 5, 5, "2:firing 244:resolved")]
    [InlineData("1 min in every 30 with the defaults never fires", 3, 10, 1, 29, "")]
    [InlineData("1 min in every 30 at threshold 1 with a 30 min keep-firing is one incident", 1, 30, 1, 29, "0:firing 240:resolved")]
    [InlineData("5 min on / 5 min off at threshold 1 with the defaults is one incident", 1, 10, 5, 5, "0:firing 244:resolved")]
    [InlineData("1 min in every 30 at threshold 1 with the defaults re-opens once, then holds", 1, 10, 1, 29, "0:firing 10:resolved 30:firing 270:resolved")]
    public async Task EvaluateAsync_NotifiesAtMostOncePerEdge_WhenTheConditionFlaps(
        string description, int failureThreshold, int? keepMinutes, int on, int off, string expected)
    {
        _ = description;
        var harness = new AlertHarness();
        var definition = Checkout with
        {
            Policy = new AlertPolicy { FailureThreshold = failureThreshold, KeepFiringFor = keepMinutes is { } k ? TimeSpan.FromMinutes(k) : null },
        };

        await harness.FeedAsync(definition, Flapping(on, off, totalMinutes: 240) + new string('.', 60));

        Assert.Equal(expected, harness.NotificationLog());
    }

    [Fact]
    public async Task EvaluateAsync_StormsWithoutHysteresis_WhichIsWhyKeepFiringForDefaultsToTenMinutes()
    {
        // The same 5/5 flap with both keep-firing periods switched off: the success threshold alone cannot hold it.
        var harness = new AlertHarness();
        var definition = Checkout with { Policy = new AlertPolicy { KeepFiringFor = null, FlappingKeepFiringFor = null } };

        await harness.FeedAsync(definition, Flapping(5, 5, totalMinutes: 240));

        Assert.Equal(48, harness.Notifications.Count());
        Assert.Equal(24, harness.Notifications.Max(n => n.Incident));
    }

    [Fact]
    public async Task EvaluateAsync_HoldsAReopenedIncident_WhenOnlyFlappingControlIsOn()
    {
        // Without keep-firing the first incident resolves at once; it comes back within the hour, so the
        // second incident is flapping and keeps firing an hour past its last breach: three notifications, not 48.
        var harness = new AlertHarness();
        var definition = Checkout with { Policy = new AlertPolicy { KeepFiringFor = null } };

        await harness.FeedAsync(definition, Flapping(5, 5, totalMinutes: 240) + new string('.', 90));

        Assert.Equal("2:firing 6:resolved 12:firing 294:resolved", harness.NotificationLog());
        Assert.Contains(harness.Transitions, t => t.Incident == 2 && t.Reason is { } reason && reason.StartsWith("flapping: re-opened 6m after resolving", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EvaluateAsync_CountsNotificationsPerIncident_WhenAFlappingIncidentIsHeldOpen()
    {
        var harness = new AlertHarness();

        await harness.FeedAsync(Checkout, Flapping(5, 5, totalMinutes: 240) + new string('.', 60));

        Assert.Equal([(1, 1), (1, 2)], harness.Notifications.Select(n => (n.Incident, n.Notification)));
        var status = await harness.Engine.GetAsync(Checkout.Key, TestContext.Current.CancellationToken);
        Assert.Equal(2, status!.NotificationsInIncident);
    }

    private static string Flapping(int on, int off, int totalMinutes)
    {
        var pattern = new StringBuilder();
        while (pattern.Length < totalMinutes)
        {
            pattern.Append('X', on).Append('.', off);
        }

        return pattern.ToString(0, totalMinutes);
    }
}
