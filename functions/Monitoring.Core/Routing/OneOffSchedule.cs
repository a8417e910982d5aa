namespace Monitoring.Core.Routing;

/// <summary>A single window between two local times in a time zone, e.g. a planned migration.</summary>
/// <param name="From">Local start.</param>
/// <param name="Until">Local end.</param>
/// <param name="Zone">The time zone the times are written in.</param>
public sealed record OneOffSchedule(DateTime From, DateTime Until, TimeZoneInfo Zone) : MaintenanceSchedule
{
    /// <inheritdoc/>
    public override MaintenanceOccurrence? OccurrenceAt(DateTimeOffset instant)
    {
        var start = ToInstant(From, Zone);
        var end = ToInstant(Until, Zone);
        return instant >= start && instant < end ? new MaintenanceOccurrence(start, end) : null;
    }
}
