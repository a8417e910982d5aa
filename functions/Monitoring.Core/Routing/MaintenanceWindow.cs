using Monitoring.Core.Notifications;

namespace Monitoring.Core.Routing;

/// <summary>A named maintenance window: the alerts it mutes and when.</summary>
/// <param name="Name">Its name in the spec.</param>
/// <param name="Scope">Which alerts it mutes (severity, service, team, labels).</param>
/// <param name="Schedule">When it is open.</param>
public sealed record MaintenanceWindow(string Name, RouteMatch Scope, MaintenanceSchedule Schedule)
{
    /// <summary>The open occurrence muting <paramref name="alert"/> at <paramref name="instant"/>, or null.</summary>
    public MaintenanceOccurrence? Muting(Notification alert, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return Scope.Matches(alert) ? Schedule.OccurrenceAt(instant) : null;
    }
}
