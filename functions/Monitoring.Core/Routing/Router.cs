using System.Collections.Immutable;
using System.Text;
using Monitoring.Core.Notifications;

namespace Monitoring.Core.Routing;

/// <summary>
/// Picks the routes of an alert: routes are tried in order, the first match wins, and a matched
/// route with <c>continue</c> lets the search go on. An alert no route takes goes to the
/// fallback, so nothing is ever silently dropped.
/// </summary>
public sealed class Router
{
    private readonly ImmutableArray<RouteSpec> routes;

    /// <summary>Creates a router over <paramref name="routes"/> with <paramref name="fallback"/> for unmatched alerts.</summary>
    public Router(ImmutableArray<RouteSpec> routes, RouteSpec fallback)
    {
        this.routes = routes.IsDefault ? [] : routes;
        Fallback = fallback ?? throw new ArgumentNullException(nameof(fallback));
    }

    /// <summary>The route for alerts no other route takes.</summary>
    public RouteSpec Fallback { get; }

    /// <summary>The routes <paramref name="alert"/> goes to, in order; never empty.</summary>
    public IReadOnlyList<RouteSpec> RoutesFor(Notification alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var matched = new List<RouteSpec>();
        foreach (var route in routes)
        {
            if (!route.Match.Matches(alert))
            {
                continue;
            }

            matched.Add(route);
            if (!route.Continue)
            {
                break;
            }
        }

        return matched.Count > 0 ? matched : [Fallback];
    }

    /// <summary>
    /// The group an alert belongs to on <paramref name="route"/>: the route name plus the values of
    /// its group-by fields, so alerts of one service arrive in one message.
    /// </summary>
    public static string GroupKey(RouteSpec route, Notification alert)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(alert);
        var key = new StringBuilder("route:").Append(route.Name);
        foreach (var field in route.GroupBy)
        {
            key.Append('/').Append(field).Append(':').Append(field switch
            {
                "service" => alert.Service,
                "team" => alert.Team,
                "severity" => alert.Severity,
                "alert" => alert.AlertKey,
                _ => alert.Labels.GetValueOrDefault(field),
            } ?? "-");
        }

        return key.ToString();
    }

    /// <summary>
    /// The escalation levels due for an alert firing since <paramref name="firingSince"/>, at
    /// <paramref name="now"/>: none once it is acknowledged.
    /// </summary>
    public static IReadOnlyList<EscalationLevel> DueEscalations(RouteSpec route, DateTimeOffset firingSince, DateTimeOffset now, bool acknowledged)
    {
        ArgumentNullException.ThrowIfNull(route);
        return acknowledged ? [] : [.. route.Escalation.Where(level => now - firingSince >= level.After).OrderBy(level => level.Level)];
    }
}
