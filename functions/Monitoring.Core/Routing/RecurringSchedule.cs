using System.Collections.Immutable;

namespace Monitoring.Core.Routing;

/// <summary>
/// A window that opens at a local time on some weekdays (every day when none are given) and
/// stays open for a duration, e.g. "02:00 for 30m on Sundays, Europe/Amsterdam". The weekday is
/// the day the window opens, so "23:00 for 2h on Friday" covers early Saturday too.
/// </summary>
/// <param name="Start">Local opening time.</param>
/// <param name="Duration">How long it stays open (elapsed time, so DST does not stretch it).</param>
/// <param name="Days">Opening days; empty means every day.</param>
/// <param name="Zone">The time zone the opening time is written in.</param>
public sealed record RecurringSchedule(TimeOnly Start, TimeSpan Duration, ImmutableHashSet<DayOfWeek> Days, TimeZoneInfo Zone) : MaintenanceSchedule
{
    /// <inheritdoc/>
    public override MaintenanceOccurrence? OccurrenceAt(DateTimeOffset instant)
    {
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

        // An occurrence that contains the instant opened today or on one of the days its duration reaches back over.
        var lookBack = (int)Math.Ceiling(Duration.TotalDays) + 1;
        for (var back = 0; back <= lookBack; back++)
        {
            var day = localDate.AddDays(-back);
            if (!Days.IsEmpty && !Days.Contains(day.DayOfWeek))
            {
                continue;
            }

            var start = ToInstant(day.ToDateTime(Start), Zone);
            var end = start + Duration;
            if (instant >= start && instant < end)
            {
                return new MaintenanceOccurrence(start, end);
            }
        }

        return null;
    }
}
