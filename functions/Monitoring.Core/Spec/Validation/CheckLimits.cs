namespace Monitoring.Core.Spec.Validation;

/// <summary>The ranges the spec allows, kept in one place for the loader and its messages.</summary>
internal static class CheckLimits
{
    /// <summary>Fewest extra attempts.</summary>
    public const int MinRetries = 0;

    /// <summary>Most extra attempts: more would hide a real outage for too long.</summary>
    public const int MaxRetries = 10;

    /// <summary>Fewest checks running at once.</summary>
    public const int MinConcurrency = 1;

    /// <summary>Most checks running at once in one instance.</summary>
    public const int MaxConcurrency = 1000;

    /// <summary>Fewest consecutive runs an alert threshold may ask for.</summary>
    public const int MinThreshold = 1;

    /// <summary>Most consecutive runs an alert threshold may ask for: more would hide an outage for too long.</summary>
    public const int MaxThreshold = 20;

    /// <summary>Most critical service tier.</summary>
    public const int MinTier = 1;

    /// <summary>Least critical service tier.</summary>
    public const int MaxTier = 3;

    /// <summary>The tier of a service that does not say.</summary>
    public const int DefaultTier = 2;

    /// <summary>How often the check timer fires; intervals are whole multiples of it.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(10);

    /// <summary>Null when <paramref name="interval"/> can be honoured on the one-minute timer, else why not.</summary>
    public static string? IntervalProblem(TimeSpan interval) =>
        interval >= Tick && interval.Ticks % Tick.Ticks == 0
            ? null
            : $"interval {Durations.Format(interval)} must be a multiple of 10s, at least 10s: checks run on a 10-second timer";

    /// <summary>Reports an <c>interval</c> written in <paramref name="section"/> that the timer cannot honour (an inherited one is reported where it is written).</summary>
    public static void ReportUntimelyInterval(MappingReader section, TimeSpan interval, SpecErrorList errors)
    {
        if (section.Has("interval") && IntervalProblem(interval) is { } problem)
        {
            errors.Add(section.PathOf("interval"), section.Node("interval"), problem);
        }
    }

    /// <summary>Why a run may not take longer than its interval: runs of one check would overlap.</summary>
    public static string MaxDurationMessage(TimeSpan maxDuration, TimeSpan interval) =>
        $"maxDuration {Durations.Format(maxDuration)} must not exceed the interval {Durations.Format(interval)}, or runs of the check would overlap";
}
