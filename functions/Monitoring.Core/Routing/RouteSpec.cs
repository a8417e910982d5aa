using System.Collections.Immutable;

namespace Monitoring.Core.Routing;

/// <summary>One notification route: which alerts, which channels, how often, and who is told next if nobody reacts.</summary>
/// <param name="Name">The route's name, shown in the delivery log.</param>
/// <param name="Match">Which alerts it takes.</param>
/// <param name="Channels">Where its notifications go.</param>
/// <param name="Continue">After matching, keep looking for further routes (Alertmanager's <c>continue</c>).</param>
/// <param name="GroupBy">Alert fields that split groups (e.g. service); alerts of one group share one message.</param>
/// <param name="RepeatInterval">How often a still-firing, unacknowledged group is re-sent.</param>
/// <param name="SendResolved">Whether resolutions are announced.</param>
/// <param name="Escalation">Levels that apply while the alert is unacknowledged, in order.</param>
public sealed record RouteSpec(
    string Name,
    RouteMatch Match,
    ImmutableArray<string> Channels,
    bool Continue,
    ImmutableArray<string> GroupBy,
    TimeSpan RepeatInterval,
    bool SendResolved,
    ImmutableArray<EscalationLevel> Escalation);
