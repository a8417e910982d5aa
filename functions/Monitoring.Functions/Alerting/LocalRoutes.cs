using Monitoring.Core.Routing;

namespace Monitoring.Functions.Alerting;

/// <summary>The route every alert takes when no configured route matches: the local outbox, grouped by service.</summary>
public static class LocalRoutes
{
    /// <summary>The outbox channel's name.</summary>
    public const string OutboxChannel = "outbox";

    /// <summary>The fallback route.</summary>
    public static RouteSpec Fallback { get; } = new(
        Name: "default",
        Match: RouteMatch.Any,
        Channels: [OutboxChannel],
        Continue: false,
        GroupBy: ["service"],
        RepeatInterval: TimeSpan.FromHours(4),
        SendResolved: true,
        Escalation: []);
}
