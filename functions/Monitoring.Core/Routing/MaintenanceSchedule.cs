namespace Monitoring.Core.Routing;

/// <summary>When a maintenance window is open.</summary>
public abstract record MaintenanceSchedule
{
    /// <summary>The occurrence that contains <paramref name="instant"/> (start inclusive, end exclusive), or null.</summary>
    public abstract MaintenanceOccurrence? OccurrenceAt(DateTimeOffset instant);

    /// <summary>
    /// A local wall-clock time in <paramref name="zone"/> as an instant. A time skipped by a DST jump
    /// moves forward by the jump (02:30 on a spring-forward night is 03:30); a time that happens twice
    /// takes its first occurrence, so a window never starts an hour late.
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            var before = zone.GetUtcOffset(local.AddHours(-3));
            var after = zone.GetUtcOffset(local.AddHours(3));
            return new DateTimeOffset(local - before, TimeSpan.Zero).ToOffset(after);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}

/// <summary>One opening of a maintenance window.</summary>
/// <param name="Start">When it opens.</param>
/// <param name="End">When it closes.</param>
public sealed record MaintenanceOccurrence(DateTimeOffset Start, DateTimeOffset End);
