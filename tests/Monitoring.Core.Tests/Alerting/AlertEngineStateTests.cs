using Monitoring.Core.Alerting;
using Xunit;
using static Monitoring.Core.Tests.Alerting.AlertFixtures;

namespace Monitoring.Core.Tests.Alerting;

/// <summary>Thresholds, pending, keep-firing and incidents, one observation per minute (X breaching, . healthy).</summary>
public sealed class AlertEngineStateTests
{
    private readonly AlertHarness _harness = new();

    [Theory]
    // failure threshold
    [InlineData("fires on the third failed run by default", 3, 2, null, 10, "XXX", "PPF", "2:firing")]
    [InlineData("a healthy run inside the streak restarts the count", 3, 2, null, 10, "XX.XXX", "PPIPPF", "5:firing")]
    [InlineData("a streak shorter than the threshold clears without notifying", 3, 2, null, 10, "XX..", "PPII", "")]
    [InlineData("a threshold of one fires on the first breach", 1, 1, null, null, "X", "F", "0:firing")]
    // success threshold and keep-firing-for
    [InlineData("resolves after the success threshold when there is no keep-firing period", 3, 2, null, null, "XXX..", "PPFFR", "2:firing 4:resolved")]
    [InlineData("one good run among failures does not resolve", 3, 2, null, null, "XXX.X..", "PPFFFFR", "2:firing 6:resolved")]
    [InlineData("keeps firing ten minutes after the last breach by default", 3, 2, null, 10, "XXX..........", "PPFFFFFFFFFFR", "2:firing 12:resolved")]
    [InlineData("a breach during keep-firing restarts the period", 3, 2, null, 3, "XXX..X...", "PPFFFFFFR", "2:firing 8:resolved")]
    // pending-for
    [InlineData("pending-for holds a breach below the period", 1, 1, 3, null, "XXXX", "PPPF", "3:firing")]
    [InlineData("pending-for and the failure threshold must both hold", 3, 1, 1, null, "XXX", "PPF", "2:firing")]
    // incidents
    [InlineData("a new incident after resolve notifies again", 3, 2, null, null, "XXX..XXX", "PPFFRPPF", "2:firing 4:resolved 7:firing")]
    public async Task EvaluateAsync_MovesThroughStates_WhenObservationsFollowPattern(
        string description, int failureThreshold, int successThreshold, int? pendingMinutes, int? keepMinutes, string pattern, string expectedStates, string expectedNotifications)
    {
        _ = description;
        var definition = Checkout with
        {
            Policy = new AlertPolicy
            {
                FailureThreshold = failureThreshold,
                SuccessThreshold = successThreshold,
                PendingFor = pendingMinutes is { } p ? TimeSpan.FromMinutes(p) : null,
                KeepFiringFor = keepMinutes is { } k ? TimeSpan.FromMinutes(k) : null,
            },
        };

        var states = await _harness.FeedAsync(definition, pattern);

        Assert.Equal(expectedStates, states);
        Assert.Equal(expectedNotifications, _harness.NotificationLog());
    }

    [Theory]
    [InlineData(AlertSource.Check)]
    [InlineData(AlertSource.Degraded)]
    [InlineData(AlertSource.SloBurn)]
    [InlineData(AlertSource.NoData)]
    [InlineData(AlertSource.Certificate)]
    [InlineData(AlertSource.DataCheck)]
    public async Task EvaluateAsync_BehavesLikeAnyDefinition_WhenSourceIs(AlertSource source)
    {
        var definition = Checkout with { Key = "alert:" + source.ToWireName(), Source = source, Policy = new AlertPolicy { KeepFiringFor = null } };

        var states = await _harness.FeedAsync(definition, "XXX..");

        Assert.Equal("PPFFR", states);
        Assert.Equal("2:firing 4:resolved", _harness.NotificationLog());
        Assert.All(_harness.Transitions, t => Assert.Equal(source, t.Definition.Source));
    }

    [Fact]
    public async Task EvaluateAsync_NumbersIncidentsAndNotifications_WhenAnAlertFiresTwice()
    {
        await _harness.FeedAsync(Checkout with { Policy = new AlertPolicy { KeepFiringFor = null } }, "XXX..XXX");

        Assert.Equal(
            [(1, 1, AlertNotifyKind.Firing), (1, 2, AlertNotifyKind.Resolved), (2, 1, AlertNotifyKind.Firing)],
            _harness.Notifications.Select(n => (n.Incident, n.Notification, n.Notify)));
        var status = await _harness.Engine.GetAsync(Checkout.Key, TestContext.Current.CancellationToken);
        Assert.NotNull(status);
        Assert.Equal((2, At(7), true), (status.Incident, status.FiringSince, status.IsOpen));
    }

    [Theory]
    [InlineData("the same instant", 2)]
    [InlineData("an earlier instant", 1)]
    public async Task EvaluateAsync_IgnoresObservation_WhenItIsNotNewerThanTheLastOne(string description, double minute)
    {
        _ = description;
        await _harness.FeedAsync(Checkout, "XXX");

        var again = await _harness.ObserveAsync(Checkout, breaching: false, minute);

        Assert.Empty(again);
        var status = await _harness.Engine.GetAsync(Checkout.Key, TestContext.Current.CancellationToken);
        Assert.Equal((AlertState.Firing, 3, At(2)), (status!.State, status.ConsecutiveBreaching, status.LastObservedAt));
    }

    [Fact]
    public async Task EvaluateAsync_RecordsPendingAndClearedTransitionsWithoutNotifying_WhenABreachIsShort()
    {
        await _harness.FeedAsync(Checkout, "X.");

        Assert.Equal(
            [(AlertState.Inactive, AlertState.Pending), (AlertState.Pending, AlertState.Inactive)],
            _harness.Transitions.Select(t => (t.From, t.To)));
        Assert.Empty(_harness.Notifications);
    }

    [Fact]
    public async Task EvaluateAsync_UsesTheLatestDefinition_WhenTheSpecChanges()
    {
        await _harness.FeedAsync(Checkout, "XX");
        var renamed = Checkout with { Name = "checkout journey fails", Severity = AlertSeverity.Warning };

        await _harness.FeedAsync(renamed, "X", startMinute: 2);

        var firing = Assert.Single(_harness.Notifications);
        Assert.Equal(("checkout journey fails", AlertSeverity.Warning), (firing.Definition.Name, firing.Definition.Severity));
    }
}
