using System.Collections.Immutable;
using Monitoring.Core.Routing;
using Monitoring.Core.Tests.Notifications;
using Xunit;

namespace Monitoring.Core.Tests.Routing;

public sealed class RouterTests
{
    private static readonly RouteSpec Fallback = Route("fallback", RouteMatch.Any, "outbox");

    [Theory]
    // First match wins.
    [InlineData("critical", "shop", "web-platform", "pager")]
    [InlineData("warning", "shop", "web-platform", "shop-tickets")]
    // Continue lets a match carry on to later routes.
    [InlineData("critical", "search", "data", "pager,audit")]
    // Nothing matches: the fallback takes it.
    [InlineData("info", "billing", "finance", "fallback")]
    public void RoutesFor_PicksRoutesInOrder_WithContinue(string severity, string service, string team, string expected)
    {
        var router = new Router(
        [
            Route("pager", Match(severities: ["critical"]), "teams-oncall") with { Continue = service == "search" },
            Route("shop-tickets", Match(services: ["shop"]), "email-web"),
            Route("audit", Match(teams: ["data"]), "webhook-audit"),
        ], Fallback);
        var alert = TestNotifications.CheckoutDown() with { Severity = severity, Service = service, Team = team };

        var routes = router.RoutesFor(alert);

        Assert.Equal(expected, string.Join(',', routes.Select(r => r.Name)));
    }

    [Theory]
    // Labels must all be present with the exact value.
    [InlineData("journey=checkout", true)]
    [InlineData("journey=checkout,tier=1", true)]
    [InlineData("journey=login", false)]
    [InlineData("region=eu", false)]
    public void Match_RequiresEveryLabel(string labels, bool expected)
    {
        var match = Match(labels: labels.Split(',').Select(l => l.Split('=')).ToDictionary(p => p[0], p => p[1]));

        Assert.Equal(expected, match.Matches(TestNotifications.CheckoutDown()));
    }

    [Fact]
    public void Match_DoesNotMatchAServiceFilter_WhenTheAlertHasNoService()
    {
        Assert.False(Match(services: ["shop"]).Matches(TestNotifications.CheckoutDown() with { Service = null }));
    }

    [Fact]
    public void GroupKey_SplitsByGroupByFields_SoOneServiceIsOneMessage()
    {
        var route = Route("pager", RouteMatch.Any, "teams") with { GroupBy = ["service", "severity", "journey"] };

        var key = Router.GroupKey(route, TestNotifications.CheckoutDown());

        Assert.Equal("route:pager/service:shop/severity:critical/journey:checkout", key);
        Assert.Equal("route:pager/service:-/severity:critical/journey:checkout", Router.GroupKey(route, TestNotifications.CheckoutDown() with { Service = null }));
    }

    [Theory]
    // Levels apply by time since firing, in order.
    [InlineData(5, false, "")]
    [InlineData(15, false, "1")]
    [InlineData(45, false, "1,2")]
    [InlineData(120, false, "1,2,3")]
    // An acknowledgement stops escalation.
    [InlineData(120, true, "")]
    public void DueEscalations_FollowTimeSinceFiring_UntilAcknowledged(int minutesFiring, bool acknowledged, string expected)
    {
        var route = Route("pager", RouteMatch.Any, "teams") with
        {
            Escalation =
            [
                new EscalationLevel(2, TimeSpan.FromMinutes(30), ["email-leads"]),
                new EscalationLevel(1, TimeSpan.FromMinutes(15), ["teams-oncall"]),
                new EscalationLevel(3, TimeSpan.FromHours(1), ["email-director"]),
            ],
        };
        var since = TestNotifications.Since;

        var due = Router.DueEscalations(route, since, since.AddMinutes(minutesFiring), acknowledged);

        Assert.Equal(expected, string.Join(',', due.Select(l => l.Level)));
    }

    internal static RouteSpec Route(string name, RouteMatch match, params string[] channels) =>
        new(name, match, [.. channels], Continue: false, GroupBy: ["service"], RepeatInterval: TimeSpan.FromHours(4), SendResolved: true, Escalation: []);

    internal static RouteMatch Match(string[]? severities = null, string[]? services = null, string[]? teams = null, Dictionary<string, string>? labels = null) => new(
        [.. severities ?? []],
        [.. services ?? []],
        [.. teams ?? []],
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, labels ?? []));
}
