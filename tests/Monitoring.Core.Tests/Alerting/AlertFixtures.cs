using System.Collections.Immutable;
using Monitoring.Core.Alerting;

namespace Monitoring.Core.Tests.Alerting;

/// <summary>Readable instants and one good alert definition to mutate per case.</summary>
public static class AlertFixtures
{
    /// <summary>Minute 0 of every scenario.</summary>
    public static DateTimeOffset Noon { get; } = new(2026, 3, 14, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The checkout check's failure alert with the default policy.</summary>
    public static AlertDefinition Checkout { get; } = new()
    {
        Key = "check:checkout",
        Name = "checkout is failing",
        Source = AlertSource.Check,
        Severity = AlertSeverity.Critical,
        Service = "shop",
        Team = "payments",
        RunbookUrl = "https://runbooks.example/checkout",
        Labels = ImmutableDictionary<string, string>.Empty.Add("environment", "prod").Add("check", "checkout"),
    };

    /// <summary>The checkout-availability SLO's page alert.</summary>
    public static AlertDefinition SloPage { get; } = Checkout with
    {
        Key = "slo:checkout-availability:page",
        Name = "checkout-availability burns fast",
        Source = AlertSource.SloBurn,
        Labels = ImmutableDictionary<string, string>.Empty.Add("slo", "checkout-availability"),
        Policy = new AlertPolicy { FailureThreshold = 1, SuccessThreshold = 1, KeepFiringFor = null },
    };

    /// <summary>The same SLO's ticket alert, inhibited by the page.</summary>
    public static AlertDefinition SloTicket { get; } = SloPage with
    {
        Key = "slo:checkout-availability:ticket",
        Name = "checkout-availability burns slowly",
        Severity = AlertSeverity.Warning,
        Policy = SloPage.Policy with { InhibitedBy = ["slo:checkout-availability:page"] },
    };

    /// <summary>The instant <paramref name="minutes"/> after <see cref="Noon"/>.</summary>
    public static DateTimeOffset At(double minutes) => Noon.AddMinutes(minutes);

    /// <summary>A silence of <paramref name="matchers"/> from <paramref name="fromMinute"/> to <paramref name="toMinute"/>.</summary>
    public static Silence SilenceOf(string id, double fromMinute, double toMinute, params AlertMatcher[] matchers) => new()
    {
        Id = id,
        Matchers = [.. matchers],
        StartsAt = At(fromMinute),
        EndsAt = At(toMinute),
        CreatedBy = "alice",
    };

    /// <summary>One letter per state for compact expectations: I P F A S R.</summary>
    public static char Letter(AlertState state) => state switch
    {
        AlertState.Inactive => 'I',
        AlertState.Pending => 'P',
        AlertState.Firing => 'F',
        AlertState.Acknowledged => 'A',
        AlertState.Silenced => 'S',
        AlertState.Resolved => 'R',
        _ => '?',
    };
}
