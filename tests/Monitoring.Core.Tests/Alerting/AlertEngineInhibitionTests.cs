using Monitoring.Core.Alerting;
using Xunit;
using static Monitoring.Core.Tests.Alerting.AlertFixtures;

namespace Monitoring.Core.Tests.Alerting;

/// <summary>A page alert of an SLO inhibits the ticket alert of the same SLO (trap 2).</summary>
public sealed class AlertEngineInhibitionTests
{
    private readonly AlertHarness _harness = new();

    [Fact]
    public async Task EvaluateAsync_NotifiesOnlyThePage_WhenPageAndTicketFireInTheSameMinute()
    {
        // The ticket comes first in the batch: the engine still decides the page first.
        var transitions = await _harness.EvaluateAsync(0, Observe(SloTicket, true, 0), Observe(SloPage, true, 0));

        var notified = Assert.Single(transitions, t => t.Notify != AlertNotifyKind.None);
        Assert.Equal(SloPage.Key, notified.Key);
        var ticket = Assert.Single(transitions, t => t.Key == SloTicket.Key);
        Assert.Equal((AlertState.Silenced, "inhibited by 'slo:checkout-availability:page'"), (ticket.To, ticket.Reason));
    }

    [Fact]
    public async Task EvaluateAsync_MutesANotifiedTicket_WhenThePageFiresLater()
    {
        await _harness.EvaluateAsync(0, Observe(SloTicket, true, 0), Observe(SloPage, false, 0));

        var transitions = await _harness.EvaluateAsync(1, Observe(SloTicket, true, 1), Observe(SloPage, true, 1));

        Assert.Equal(
            [(SloPage.Key, AlertState.Firing, AlertNotifyKind.Firing), (SloTicket.Key, AlertState.Silenced, AlertNotifyKind.None)],
            transitions.Select(t => (t.Key, t.To, t.Notify)));
    }

    [Fact]
    public async Task EvaluateAsync_KeepsAnAbsorbedTicketSilentUntilItResolves_WhenThePageResolvesFirst()
    {
        await _harness.EvaluateAsync(0, Observe(SloTicket, true, 0), Observe(SloPage, true, 0));

        var transitions = await _harness.EvaluateAsync(5, Observe(SloTicket, true, 5), Observe(SloPage, false, 5));
        var ticketResolved = await _harness.EvaluateAsync(60, Observe(SloTicket, false, 60), Observe(SloPage, false, 60));

        Assert.Equal([(SloPage.Key, AlertNotifyKind.Resolved)], transitions.Select(t => (t.Key, t.Notify)));
        Assert.Equal([(SloTicket.Key, AlertState.Silenced, AlertState.Resolved, AlertNotifyKind.None)], ticketResolved.Select(t => (t.Key, t.From, t.To, t.Notify)));
    }

    [Fact]
    public async Task EvaluateAsync_NotifiesTheTicket_WhenItsIncidentStartsAfterThePageResolved()
    {
        await _harness.EvaluateAsync(0, Observe(SloTicket, true, 0), Observe(SloPage, true, 0));
        await _harness.EvaluateAsync(5, Observe(SloTicket, false, 5), Observe(SloPage, false, 5));

        var transitions = await _harness.EvaluateAsync(90, Observe(SloTicket, true, 90), Observe(SloPage, false, 90));

        Assert.Equal([(SloTicket.Key, AlertState.Firing, AlertNotifyKind.Firing)], transitions.Select(t => (t.Key, t.To, t.Notify)));
    }

    [Fact]
    public async Task EvaluateAsync_KeepsTheTicketQuiet_WhenThePageIsAcknowledged()
    {
        await _harness.EvaluateAsync(0, Observe(SloPage, true, 0));
        await _harness.AcknowledgeAsync(SloPage.Key, 1);

        var transitions = await _harness.EvaluateAsync(2, Observe(SloTicket, true, 2), Observe(SloPage, true, 2));

        Assert.Equal([(SloTicket.Key, AlertState.Silenced)], transitions.Select(t => (t.Key, t.To)));
    }

    [Fact]
    public async Task EvaluateAsync_NotifiesOneThreadPerOutage_WhenAFiveMinuteOutageBurnsBothPairs()
    {
        // Outage 12:10-12:15: the page's pairs breach until about 12:40 (the 6h/30m pair holds
        // longest); the ticket pairs (1d/2h, 3d/6h) keep breaching for hours after.
        for (var minute = 0; minute < 480; minute++)
        {
            await _harness.EvaluateAsync(minute, Observe(SloPage, minute is >= 10 and < 40, minute), Observe(SloTicket, minute is >= 10 and < 370, minute));
        }

        Assert.Equal("10:firing 40:resolved", _harness.NotificationLog());
    }

    private static AlertObservation Observe(AlertDefinition definition, bool breaching, double minute) =>
        new(definition, breaching, breaching ? "burn rate 1000 over 5m and 1h" : "burn rate 0", At(minute));
}
