using Monitoring.Core.Slo;
using Monitoring.Core.Spec;

namespace Monitoring.Core.Tests.Slo;

/// <summary>One SLO to start from, mutated per case with <c>with</c>.</summary>
internal static class SloFixtures
{
    public static DateTimeOffset Start { get; } = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Checkout availability at 99.9% over 30 days, default windows and the default low-traffic policy.</summary>
    public static SloSpec Checkout { get; } = new(
        "checkout-availability",
        "shop",
        null,
        99.9,
        TimeSpan.FromDays(30),
        SloBudgeting.Occurrences,
        new AvailabilitySli("checkout"),
        new SloAlertingSpec(BurnRateWindows.ForPeriod(TimeSpan.FromDays(30)), SloAlertingSpec.DefaultMinBadEvents, CustomWindows: false));

    /// <summary><see cref="Checkout"/> with <paramref name="minBadEvents"/>; 1 turns the low-traffic policy off.</summary>
    public static SloSpec WithMinBadEvents(int minBadEvents) => Checkout with { Alerting = Checkout.Alerting with { MinBadEvents = minBadEvents } };
}
