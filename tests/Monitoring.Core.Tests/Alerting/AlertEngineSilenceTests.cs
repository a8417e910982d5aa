using Monitoring.Core.Alerting;
using Xunit;
using static Monitoring.Core.Tests.Alerting.AlertFixtures;

namespace Monitoring.Core.Tests.Alerting;

/// <summary>Manual silences, maintenance windows and the notification when they end (trap 4).</summary>
public sealed class AlertEngineSilenceTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EvaluateAsync_FiresSilencedWithoutNotifying_WhenASilenceIsActive()
    {
        var harness = new AlertHarness();
        await harness.AddSilenceAsync(SilenceOf("deploy", 0, 60, new AlertMatcher("service", "shop")));

        var states = await harness.FeedAsync(Checkout, "XXXX");

        Assert.Equal("PPSS", states);
        Assert.Empty(harness.Notifications);
        var silenced = Assert.Single(harness.Transitions, t => t.To == AlertState.Silenced);
        Assert.Equal((AlertState.Pending, "silence 'deploy'"), (silenced.From, (await harness.Engine.GetAsync(Checkout.Key, Cancellation))!.MutedBy));
    }

    [Fact]
    public async Task ExpireSilenceAsync_NotifiesFiringAtOnce_WhenTheAlertIsStillBreaching()
    {
        var harness = new AlertHarness();
        await harness.AddSilenceAsync(SilenceOf("deploy", 0, 60, new AlertMatcher("key", Checkout.Key)));
        await harness.FeedAsync(Checkout, "XXXX");

        var transitions = await harness.ExpireSilenceAsync("deploy", 4.5);

        var notified = Assert.Single(transitions);
        Assert.Equal(
            (AlertState.Silenced, AlertState.Firing, AlertNotifyKind.Firing, At(4.5), "silence 'deploy' ended"),
            (notified.From, notified.To, notified.Notify, notified.At, notified.Reason));
        var silence = Assert.Single(await harness.Engine.ListSilencesAsync(Cancellation));
        Assert.Equal(At(4.5), silence.EndsAt);
    }

    [Fact]
    public async Task EvaluateAsync_NotifiesStillFiringAtTheEnd_WhenASilenceStartedAfterTheFirstNotification()
    {
        var harness = new AlertHarness();
        await harness.FeedAsync(Checkout, "XXX");
        await harness.AddSilenceAsync(SilenceOf("investigating", 3, 10, new AlertMatcher("team", "payments")));

        await harness.FeedAsync(Checkout, "XXXXXXX", startMinute: 3);
        var atEnd = await harness.EvaluateAsync(10);

        Assert.Equal("2:firing 10:still-firing", harness.NotificationLog());
        Assert.Equal([(AlertState.Silenced, AlertState.Firing)], atEnd.Select(t => (t.From, t.To)));
    }

    [Fact]
    public async Task EvaluateAsync_NotifiesAtTheEndWithoutAnObservation_WhenAMaintenanceWindowEnds()
    {
        // A maintenance window 12:00-12:30 from the spec, as the scheduled-silence function yields it.
        var window = SilenceOf("maintenance:nightly@12:00", 0, 30, new AlertMatcher("environment", "prod"));
        var harness = new AlertHarness(at => window.IsActiveAt(at) ? [window] : []);
        await harness.FeedAsync(Checkout, new string('X', 30));

        var atEnd = await harness.EvaluateAsync(30);

        var notified = Assert.Single(atEnd);
        Assert.Equal((AlertNotifyKind.Firing, At(30)), (notified.Notify, notified.At));
        Assert.Equal("30:firing", harness.NotificationLog());
    }

    [Fact]
    public async Task EvaluateAsync_ResolvesWithoutNotifying_WhenTheIncidentEndsWhileSilenced()
    {
        var harness = new AlertHarness();
        await harness.FeedAsync(Checkout with { Policy = new AlertPolicy { KeepFiringFor = null } }, "XXX");
        await harness.AddSilenceAsync(SilenceOf("deploy", 3, 60, new AlertMatcher("service", "shop")));

        var states = await harness.FeedAsync(Checkout with { Policy = new AlertPolicy { KeepFiringFor = null } }, "X..", startMinute: 3);
        var afterEnd = await harness.EvaluateAsync(60);

        Assert.Equal("SSR", states);
        Assert.Equal("2:firing", harness.NotificationLog());
        Assert.Empty(afterEnd);
    }

    [Fact]
    public async Task ExpireSilenceAsync_ReturnsToAcknowledgedWithoutNotifying_WhenTheIncidentWasAcknowledged()
    {
        var harness = new AlertHarness();
        await harness.FeedAsync(Checkout, "XXX");
        await harness.AcknowledgeAsync(Checkout.Key, 3);
        await harness.AddSilenceAsync(SilenceOf("deploy", 3, 60, new AlertMatcher("service", "shop")));
        await harness.FeedAsync(Checkout, "X", startMinute: 4);

        var transitions = await harness.ExpireSilenceAsync("deploy", 5);

        Assert.Equal([(AlertState.Silenced, AlertState.Acknowledged, AlertNotifyKind.None)], transitions.Select(t => (t.From, t.To, t.Notify)));
    }

    [Fact]
    public async Task EscalateAsync_MutesInsteadOfEscalating_WhenASilenceWasAddedSinceTheLastObservation()
    {
        var harness = new AlertHarness();
        await harness.FeedAsync(Checkout, "XXX");
        await harness.AddSilenceAsync(SilenceOf("deploy", 3, 60, new AlertMatcher("service", "shop")));

        var transitions = await harness.EscalateAsync(20, new EscalationPolicy([TimeSpan.FromMinutes(15)], null));

        Assert.Equal([(AlertState.Firing, AlertState.Silenced, AlertNotifyKind.None)], transitions.Select(t => (t.From, t.To, t.Notify)));
    }

    [Fact]
    public async Task AddSilenceAsync_ReturnsFalse_WhenTheIdExists()
    {
        var harness = new AlertHarness();
        await harness.AddSilenceAsync(SilenceOf("deploy", 0, 10, new AlertMatcher("service", "shop")));

        Assert.False(await harness.Engine.AddSilenceAsync(SilenceOf("deploy", 5, 20, new AlertMatcher("team", "other")), Cancellation));
        Assert.Equal(At(10), Assert.Single(await harness.Engine.ListSilencesAsync(Cancellation)).EndsAt);
    }

    [Fact]
    public async Task ExpireSilenceAsync_ReturnsEmpty_WhenTheSilenceDoesNotExist()
    {
        var harness = new AlertHarness();

        Assert.Empty(await harness.ExpireSilenceAsync("missing", 1));
    }

    [Theory]
    [InlineData("key", "check:checkout", true)]
    [InlineData("name", "checkout is failing", true)]
    [InlineData("source", "check", true)]
    [InlineData("source", "slo-burn", false)]
    [InlineData("severity", "critical", true)]
    [InlineData("service", "shop", true)]
    [InlineData("service", "Shop", false)]
    [InlineData("team", "payments", true)]
    [InlineData("environment", "prod", true)]
    [InlineData("environment", "staging", false)]
    [InlineData("region", "westeurope", false)]
    public void Matches_ComparesAttributeOrLabel_WhenMatcherNames(string name, string value, bool expected)
    {
        Assert.Equal(expected, new AlertMatcher(name, value).Matches(Checkout));
    }

    [Fact]
    public void Matches_RequiresEveryMatcher_WhenASilenceHasSeveral()
    {
        var both = SilenceOf("s", 0, 10, new AlertMatcher("service", "shop"), new AlertMatcher("environment", "staging"));

        Assert.False(both.Matches(Checkout));
    }

    [Theory]
    [InlineData(-0.5, false)]
    [InlineData(0, true)]
    [InlineData(9.9, true)]
    [InlineData(10, false)]
    public void IsActiveAt_IncludesStartAndExcludesEnd_WhenAskedAtMinute(double minute, bool expected)
    {
        Assert.Equal(expected, SilenceOf("s", 0, 10, new AlertMatcher("service", "shop")).IsActiveAt(At(minute)));
    }

    [Fact]
    public void Silence_Throws_WhenItHasNoMatchers()
    {
        var error = Assert.Throws<ArgumentException>(() => SilenceOf("everything", 0, 10));

        Assert.StartsWith("A silence needs at least one matcher.", error.Message, StringComparison.Ordinal);
    }
}
