using Monitoring.Core.Slo;
using Xunit;

namespace Monitoring.Core.Tests.Slo;

/// <summary>
/// From a clean history, a constant burn rate b is simulated minute by minute through the evaluator; the first
/// evaluation that alerts must fall within one evaluation interval (1 minute) after the closed forms of ALERTING.md.
/// </summary>
public sealed class DetectionTimeTests
{
    // Enough events per minute to hold any burn rate exactly: bad per minute = b × 0.001 × 100,000.
    private const long EventsPerMinute = 100_000;
    private const int CleanMinutes = 3 * 24 * 60 + 60;

    [Theory]
    // b > 14.4: the 1h/5m page pair, 864/b minutes (b = 1000 at 99.9% is a total outage: 52 s).
    [InlineData(1000, SloAlertState.Page, 864.0 / 1000)]
    [InlineData(100, SloAlertState.Page, 864.0 / 100)]
    [InlineData(20, SloAlertState.Page, 864.0 / 20)]
    [InlineData(14.5, SloAlertState.Page, 864.0 / 14.5)]
    // 6 < b ≤ 14.4: the 6h/30m page pair, 2160/b minutes.
    [InlineData(14.4, SloAlertState.Page, 2160.0 / 14.4)]
    [InlineData(10, SloAlertState.Page, 2160.0 / 10)]
    [InlineData(7, SloAlertState.Page, 2160.0 / 7)]
    // 3 < b ≤ 6: the 1d/2h ticket pair, 4320/b minutes.
    [InlineData(6, SloAlertState.Ticket, 4320.0 / 6)]
    [InlineData(4, SloAlertState.Ticket, 4320.0 / 4)]
    // 1 < b ≤ 3: the 3d/6h ticket pair, 4320/b minutes.
    [InlineData(3, SloAlertState.Ticket, 4320.0 / 3)]
    [InlineData(2, SloAlertState.Ticket, 4320.0 / 2)]
    [InlineData(1.5, SloAlertState.Ticket, 4320.0 / 1.5)]
    public void Evaluate_AlertsWithinOneIntervalOfTheClosedForm_WhenBurnRateIsConstant(double burnRate, SloAlertState expected, double closedFormMinutes)
    {
        var slo = SloFixtures.Checkout;
        var bad = (long)Math.Round(burnRate * slo.ErrorBudget * EventsPerMinute);
        var burnMinutes = (int)Math.Ceiling(closedFormMinutes) + 5;
        var history = new MinuteHistory([
            .. Enumerable.Repeat(new WindowCounts(EventsPerMinute, EventsPerMinute), CleanMinutes),
            .. Enumerable.Repeat(new WindowCounts(EventsPerMinute - bad, EventsPerMinute), burnMinutes),
        ]);

        var first = history.Evaluate(slo, CleanMinutes).First(e => e.Status.AlertState != SloAlertState.None);
        var elapsedMinutes = first.Minute - CleanMinutes + 1;

        Assert.Equal(expected, first.Status.AlertState);
        Assert.InRange(elapsedMinutes, closedFormMinutes - 1e-9, closedFormMinutes + 1);
    }

    [Fact]
    public void Evaluate_ResetsTheFastPairAfterItsShortWindow_AndHoldsTheSlowPair_AfterAFiveMinuteOutage()
    {
        // ALERTING.md trap 2, at one check per minute: the 1h/5m pair resets about 5 minutes after the outage,
        // the 6h/30m pair holds for about 30 minutes, and the ticket pairs fire too (the alert engine inhibits them).
        var slo = SloFixtures.Checkout;
        var history = new MinuteHistory([
            .. Enumerable.Repeat(new WindowCounts(1, 1), CleanMinutes),
            .. Enumerable.Repeat(new WindowCounts(0, 1), 5),
            .. Enumerable.Repeat(new WindowCounts(1, 1), 60),
        ]);
        var outageEnd = CleanMinutes + 5;

        var statuses = history.Evaluate(slo, CleanMinutes).ToDictionary(e => e.Minute, e => e.Status);
        int LastFiring(int pair, Monitoring.Core.Spec.SloSpec? other = null) =>
            (other is null ? statuses : history.Evaluate(other, CleanMinutes).ToDictionary(e => e.Minute, e => e.Status))
            .Where(s => s.Value.Pairs[pair].Firing).Max(s => s.Key) - outageEnd + 1;

        // The short window still holds the outage's last bad run 4 minutes after it; the low-traffic policy (two bad
        // events in each window) lets the pair go one minute sooner, at 3.
        Assert.Equal(3, LastFiring(0));
        Assert.Equal(4, LastFiring(0, SloFixtures.WithMinBadEvents(1)));
        Assert.InRange(LastFiring(1), 25, 30);
        Assert.Contains(statuses.Values, s => s.Pairs[2].Firing && s.Pairs[3].Firing);
    }
}
