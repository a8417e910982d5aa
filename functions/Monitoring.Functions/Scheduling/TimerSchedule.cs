using NCrontab;

namespace Monitoring.Functions.Scheduling;

/// <summary>An NCRONTAB schedule with six fields (seconds first), evaluated in UTC as the Functions host does.</summary>
public sealed class TimerSchedule
{
    private readonly CrontabSchedule schedule;

    private TimerSchedule(string expression, CrontabSchedule schedule)
    {
        Expression = expression;
        this.schedule = schedule;
    }

    /// <summary>The expression as written.</summary>
    public string Expression { get; }

    /// <summary>Parses a six-field NCRONTAB expression.</summary>
    /// <exception cref="FormatException">The expression is not a valid six-field NCRONTAB expression.</exception>
    public static TimerSchedule Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var parsed = CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        return parsed is null
            ? throw new FormatException($"The timer schedule is not a six-field NCRONTAB expression: '{expression}'.")
            : new TimerSchedule(expression, parsed);
    }

    /// <summary>The first occurrence strictly after <paramref name="instant"/>, in UTC.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset instant)
    {
        var next = schedule.GetNextOccurrence(instant.UtcDateTime);
        return new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc));
    }
}
