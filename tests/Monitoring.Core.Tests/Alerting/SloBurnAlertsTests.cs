using System.Collections.Immutable;
using Monitoring.Core.Alerting;
using Monitoring.Core.Slo;
using Monitoring.Core.Spec;
using Monitoring.Core.State;
using Monitoring.Core.Tests.Slo;
using Xunit;

namespace Monitoring.Core.Tests.Alerting;

public sealed class SloBurnAlertsTests
{
    [Theory]
    // (events in the short windows, events in the long windows) -> no-data breaching
    [InlineData(0, 0, false)]
    [InlineData(0, 50, true)]
    [InlineData(5, 50, false)]
    public void Observe_BreachesNoData_OnlyWhenDataStopped(long shortTotal, long longTotal, bool breaching)
    {
        var status = Status(shortTotal, longTotal);

        var noData = SloBurnAlerts.Observe(status).Single(o => o.Definition.Source == AlertSource.NoData);

        Assert.Equal(breaching, noData.Breaching);
    }

    [Fact]
    public void Observe_TakesTeamAndRunbook_FromTheService()
    {
        var service = new ServiceSpec("shop", "web-platform", 1, new Uri("https://runbooks.example.com/shop"), null);

        var page = SloBurnAlerts.Observe(Status(5, 50), service).Single(o => o.Definition.Source == AlertSource.SloBurn && o.Definition.Severity == AlertSeverity.Critical);

        Assert.Equal(("web-platform", "https://runbooks.example.com/shop"), (page.Definition.Team, page.Definition.RunbookUrl));
        Assert.Equal("checkout-availability", page.Definition.Labels["slo"]);
    }

    [Theory]
    // the check alert's severity -> what it absorbs
    [InlineData(AlertSeverity.Critical, true, true)]
    [InlineData(AlertSeverity.Warning, false, true)]
    [InlineData(AlertSeverity.Info, false, false)]
    public void Observe_LetsTheCheckAlertAbsorbThePageAndTicket_NoLouderThanItself(AlertSeverity severity, bool pageInhibited, bool ticketInhibited)
    {
        var checkAlert = new AlertDefinition { Key = "check:checkout", Name = "checkout failing", Source = AlertSource.Check, Severity = severity };

        var observations = SloBurnAlerts.Observe(Status(5, 50), checkAlert: checkAlert);

        var page = observations.Single(o => o.Definition.Key == SloBurnAlerts.PageKey("checkout-availability"));
        var ticket = observations.Single(o => o.Definition.Key == SloBurnAlerts.TicketKey("checkout-availability"));
        Assert.Equal(pageInhibited, page.Definition.Policy.InhibitedBy.Contains("check:checkout"));
        Assert.Equal(ticketInhibited, ticket.Definition.Policy.InhibitedBy.Contains("check:checkout"));
        Assert.Contains(SloBurnAlerts.PageKey("checkout-availability"), ticket.Definition.Policy.InhibitedBy);
    }

    [Fact]
    public async Task Engine_SendsOnePageThread_WhenTheCheckAlertFiresBeforeTheSloPage()
    {
        var engine = new AlertEngine(new InMemoryStateStore());
        var checkAlert = new AlertDefinition { Key = "check:checkout", Name = "checkout failing", Source = AlertSource.Check, Severity = AlertSeverity.Critical, Policy = AlertPolicy.Default with { FailureThreshold = 1, KeepFiringFor = null } };
        var at = SloFixtures.Start;
        var cancellationToken = TestContext.Current.CancellationToken;

        var notified = new List<AlertTransition>();
        notified.AddRange(await engine.EvaluateAsync([new AlertObservation(checkAlert, true, "checkout failed", at)], at, cancellationToken));
        var burning = SloBurnAlerts.Observe(Status(5, 50, bad: 5) with { EvaluatedAt = at.AddMinutes(1) }, checkAlert: checkAlert);
        Assert.True(burning.Single(o => o.Definition.Key == SloBurnAlerts.PageKey("checkout-availability")).Breaching);
        notified.AddRange(await engine.EvaluateAsync(burning, at.AddMinutes(1), cancellationToken));
        notified.AddRange(await engine.EvaluateAsync([new AlertObservation(checkAlert, false, "checkout passed", at.AddMinutes(2))], at.AddMinutes(2), cancellationToken));
        notified.AddRange(await engine.EvaluateAsync([new AlertObservation(checkAlert, false, "checkout passed", at.AddMinutes(3))], at.AddMinutes(3), cancellationToken));

        Assert.Equal(
            [("check:checkout", AlertNotifyKind.Firing), ("check:checkout", AlertNotifyKind.Resolved)],
            notified.Where(t => t.Notify != AlertNotifyKind.None).Select(t => (t.Key, t.Notify)));
        var page = await engine.GetAsync(SloBurnAlerts.PageKey("checkout-availability"), cancellationToken);
        Assert.Equal(AlertState.Silenced, page!.State);
    }

    private static SloStatus Status(long shortTotal, long longTotal, long bad = 0)
    {
        var slo = SloFixtures.Checkout;
        var windows = BurnRateEvaluator.WindowsFor([slo]);
        // Windows under an hour are the page pairs' short windows; the rest hold the long-window events.
        var counts = new SliWindowCounts(slo.Name, windows.ToImmutableDictionary(w => w, w => w < TimeSpan.FromHours(1) ? new WindowCounts(shortTotal - bad, shortTotal) : new WindowCounts(longTotal - bad, longTotal)));
        return BurnRateEvaluator.Evaluate(slo, counts, SloFixtures.Start);
    }
}
