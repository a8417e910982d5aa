using System.Collections.Immutable;
using Monitoring.Core.Notifications;

namespace Monitoring.Core.Routing;

/// <summary>
/// Which alerts a route takes. Every field that is set must match; an empty field matches
/// anything, so an empty match is a catch-all.
/// </summary>
/// <param name="Severities">Any of these severities.</param>
/// <param name="Services">Any of these services.</param>
/// <param name="Teams">Any of these teams.</param>
/// <param name="Labels">Each label must be present with exactly this value.</param>
public sealed record RouteMatch(
    ImmutableHashSet<string> Severities,
    ImmutableHashSet<string> Services,
    ImmutableHashSet<string> Teams,
    ImmutableSortedDictionary<string, string> Labels)
{
    /// <summary>Matches every alert.</summary>
    public static RouteMatch Any { get; } = new([], [], [], ImmutableSortedDictionary<string, string>.Empty);

    /// <summary>True when <paramref name="alert"/> satisfies every set field.</summary>
    public bool Matches(Notification alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return (Severities.IsEmpty || Severities.Contains(alert.Severity))
            && (Services.IsEmpty || (alert.Service is not null && Services.Contains(alert.Service)))
            && (Teams.IsEmpty || (alert.Team is not null && Teams.Contains(alert.Team)))
            && Labels.All(label => alert.Labels.TryGetValue(label.Key, out var value) && string.Equals(value, label.Value, StringComparison.Ordinal));
    }
}
