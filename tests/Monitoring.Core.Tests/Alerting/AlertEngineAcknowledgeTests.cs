using Monitoring.Core.Alerting;
using Xunit;
using static Monitoring.Core.Tests.Alerting.AlertFixtures;

namespace Monitoring.Core.Tests.Alerting;

/// <summary>Acknowledgement, escalation levels and repeats.</summary>
public sealed class AlertEngineAcknowledgeTests
{
    private static readonly EscalationPolicy TwoLevels = new([TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30)], TimeSpan.FromMinutes(60));

    private readonly AlertHarness _harness = new();

    [Fact]
    public async Task AcknowledgeAsync_MovesFiringToAcknowledgedWithoutNotifying_WhenAnIncidentIsOpen()
    {
        await _harness.FeedAsync(Checkout, "XXX");

        var ack = await _harness.AcknowledgeAsync(Checkout.Key, 4);

        Assert.NotNull(ack);
        Assert.Equal((AlertState.Firing, AlertState.Acknowledged, AlertNotifyKind.None, "acknowledged by bob"), (ack.From, ack.To, ack.Notify, ack.Reason));
        var status = await _harness.Engine.GetAsync(Checkout.Key, TestContext.Current.CancellationToken);
        Assert.Equal((true, "bob", At(4)), (status!.IsAcknowledged, status.AcknowledgedBy, status.AcknowledgedAt));
    }

    [Theory]
    [InlineData("the alert was never observed", "")]
    [InlineData("the alert is only pending", "XX")]
    [InlineData("the incident resolved", "XXX..")]
    public async Task AcknowledgeAsync_ReturnsNull_WhenNoIncidentIsOpenBecause(string description, string pattern)
    {
        _ = description;
        await _harness.FeedAsync(Checkout with { Policy = new AlertPolicy { KeepFiringFor = null } }, pattern);

        Assert.Null(await _harness.AcknowledgeAsync(Checkout.Key, 10));
    }

    [Fact]
    public async Task AcknowledgeAsync_ReturnsNull_WhenAlreadyAcknowledged()
    {
        await _harness.FeedAsync(Checkout, "XXX");
        await _harness.AcknowledgeAsync(Checkout.Key, 4);

        Assert.Null(await _harness.AcknowledgeAsync(Checkout.Key, 5));
    }

    [Fact]
    public async Task EvaluateAsync_NotifiesResolvedAndClearsAcknowledgement_WhenAnAcknowledgedIncidentResolves()
    {
        var definition = Checkout with { Policy = new AlertPolicy { KeepFiringFor = null } };
        await _harness.FeedAsync(definition, "XXX");
        await _harness.AcknowledgeAsync(Checkout.Key, 3);

        await _harness.FeedAsync(definition, "..XXX", startMinute: 4);

        Assert.Equal("2:firing 5:resolved 8:firing", _harness.NotificationLog());
        var status = await _harness.Engine.GetAsync(Checkout.Key, TestContext.Current.CancellationToken);
        Assert.Equal((AlertState.Firing, false, 2), (status!.State, status.IsAcknowledged, status.Incident));
    }

    [Theory]
    // minute of the escalate call (the incident was first notified at minute 2) -> expected notification
    [InlineData(16, "")]
    [InlineData(17, "escalation@1")]
    [InlineData(32, "escalation@2")]
    [InlineData(62, "escalation@2")]
    public async Task EscalateAsync_ClaimsTheHighestDueLevel_WhenFirstAskedAtMinute(double minute, string expected)
    {
        await _harness.FeedAsync(Checkout, "XXX");

        var escalations = await _harness.EscalateAsync(minute, TwoLevels);

        Assert.Equal(expected, string.Join(" ", escalations.Select(e => $"{e.Notify.ToWireName()}@{e.EscalationLevel}")));
    }

    [Fact]
    public async Task EscalateAsync_ClaimsEachLevelOnceThenRepeats_WhenAskedEveryMinute()
    {
        await _harness.FeedAsync(Checkout, "XXX");

        for (var minute = 3; minute <= 100; minute++)
        {
            await _harness.EscalateAsync(minute, TwoLevels);
        }

        Assert.Equal("2:firing 17:escalation 32:escalation 92:repeat", _harness.NotificationLog());
        Assert.Equal([1, 2, 3, 4], _harness.Notifications.Select(n => n.Notification));
    }

    [Fact]
    public async Task EscalateAsync_ClaimsNothing_WhenTheIncidentIsAcknowledged()
    {
        await _harness.FeedAsync(Checkout, "XXX");
        await _harness.AcknowledgeAsync(Checkout.Key, 10);

        for (var minute = 11; minute <= 200; minute += 7)
        {
            Assert.Empty(await _harness.EscalateAsync(minute, TwoLevels));
        }
    }

    [Fact]
    public async Task EscalateAsync_ClaimsNothing_WhenTheAlertIsOnlyPending()
    {
        await _harness.FeedAsync(Checkout, "XX");

        Assert.Empty(await _harness.EscalateAsync(60, TwoLevels));
    }
}
