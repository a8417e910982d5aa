using System.Collections.Immutable;
using Monitoring.Core.Routing;

namespace Monitoring.Core.Spec;

/// <summary>Where alerts go: channels, routes in first-match order, and the channels of alerts no route takes.</summary>
/// <param name="Channels">The channels, by name.</param>
/// <param name="Routes">The routes, in order.</param>
/// <param name="DefaultChannels">Where alerts no route matches go.</param>
/// <param name="StatusPageUrl">Linked from every notification, if set.</param>
public sealed record NotificationsSpec(
    ImmutableArray<ChannelSpec> Channels,
    ImmutableArray<RouteSpec> Routes,
    ImmutableArray<string> DefaultChannels,
    Uri? StatusPageUrl)
{
    /// <summary>
    /// Where the runbooks of alert types are published (the repository's <c>docs/runbooks/</c>, say): an alert whose
    /// service names no runbook links to the runbook of its type under this URL. Null: the copies the app serves itself.
    /// </summary>
    public Uri? RunbookBaseUrl { get; init; }

    /// <summary>The name of the built-in outbox channel, always available.</summary>
    public const string OutboxChannel = "outbox";

    /// <summary>No notifications section: every alert goes to the outbox.</summary>
    public static NotificationsSpec Default { get; } = new([], [], [OutboxChannel], null);
}
