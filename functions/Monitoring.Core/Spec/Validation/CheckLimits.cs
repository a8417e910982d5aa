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

    /// <summary>Most critical service tier.</summary>
    public const int MinTier = 1;

    /// <summary>Least critical service tier.</summary>
    public const int MaxTier = 3;

    /// <summary>The tier of a service that does not say.</summary>
    public const int DefaultTier = 2;

    /// <summary>Why a run may not take longer than its interval: runs of one check would overlap.</summary>
    public static string MaxDurationMessage(TimeSpan maxDuration, TimeSpan interval) =>
        $"maxDuration {Durations.Format(maxDuration)} must not exceed the interval {Durations.Format(interval)}, or runs of the check would overlap";
}
