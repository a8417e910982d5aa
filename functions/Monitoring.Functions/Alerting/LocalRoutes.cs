using Monitoring.Core.Routing;
using Monitoring.Core.Spec;

namespace Monitoring.Functions.Alerting;

/// <summary>Builds the router from the spec: its routes in order, and a fallback to the default channels for everything else.</summary>
public static class LocalRoutes
{
    /// <summary>The router for <paramref name="notifications"/>.</summary>
    public static Router RouterFor(NotificationsSpec notifications)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        var fallback = new RouteSpec(
            Name: "default",
            Match: RouteMatch.Any,
            Channels: notifications.DefaultChannels,
            Continue: false,
            GroupBy: ["service"],
            RepeatInterval: TimeSpan.FromHours(4),
            SendResolved: true,
            Escalation: []);
        return new Router(notifications.Routes, fallback);
    }
}
