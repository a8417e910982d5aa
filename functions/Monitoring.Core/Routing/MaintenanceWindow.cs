using System.Collections.Immutable;
using Monitoring.Core.Alerting;

namespace Monitoring.Core.Routing;

/// <summary>
/// A named maintenance window from the spec: the alerts it mutes and when. While open it acts as a
/// silence in the alert engine, so its end re-notifies whatever is still firing (Azure's own
/// suppression drops that notification for good).
/// </summary>
/// <param name="Name">Its name in the spec.</param>
/// <param name="Matchers">Which alerts it mutes; every matcher must hold (service, team, severity, source, key, name or a label such as check).</param>
/// <param name="Schedule">When it is open.</param>
public sealed record MaintenanceWindow(string Name, ImmutableArray<AlertMatcher> Matchers, MaintenanceSchedule Schedule)
{
    /// <summary>The silence this window is at <paramref name="instant"/>, or null while it is closed.</summary>
    public Silence? SilenceAt(DateTimeOffset instant) => Schedule.OccurrenceAt(instant) is { } occurrence
        ? new Silence
        {
            Id = "maintenance:" + Name,
            Matchers = Matchers,
            StartsAt = occurrence.Start,
            EndsAt = occurrence.End,
            CreatedBy = "spec",
            Comment = "Maintenance window " + Name,
        }
        : null;
}
