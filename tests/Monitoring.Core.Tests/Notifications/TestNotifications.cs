using System.Collections.Immutable;
using Monitoring.Core.Notifications;

namespace Monitoring.Core.Tests.Notifications;

/// <summary>Notifications with readable, fixed values, for payload tests.</summary>
internal static class TestNotifications
{
    public static readonly DateTimeOffset Since = new(2026, 11, 23, 9, 58, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset At = new(2026, 11, 23, 10, 1, 30, TimeSpan.Zero);

    public static Notification CheckoutDown(NotificationKind kind = NotificationKind.Firing) => new(
        kind,
        AlertKey: "check:checkout",
        AlertName: "checkout failing",
        Severity: Severities.Critical,
        Service: "shop",
        Team: "web-platform",
        Summary: "Journey checkout failed 3 runs in a row at step checkout (http-status).",
        LastError: "status 500, expected 201: {\"title\":\"An injected fault failed the request.\"}",
        Since: Since,
        At: At,
        RunbookUrl: new Uri("https://runbooks.example.com/shopflow#checkout"),
        StatusPageUrl: new Uri("https://status.example.com/"),
        Labels: ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, string>("journey", "checkout"), new("tier", "1")]));

    public static Notification HomepageSlow() => new(
        NotificationKind.Firing,
        AlertKey: "degraded:homepage",
        AlertName: "homepage degraded",
        Severity: Severities.Warning,
        Service: "shop",
        Team: null,
        Summary: "Journey homepage is slow: took 2008 ms, degraded after 1500 ms.",
        LastError: null,
        Since: Since.AddMinutes(1),
        At: At,
        RunbookUrl: null,
        StatusPageUrl: null,
        Labels: ImmutableSortedDictionary<string, string>.Empty);

    public static NotificationMessage Message(params Notification[] alerts) => new("route:default/service:shop", [.. alerts]);
}
