using System.Collections.Immutable;

namespace Monitoring.Core.Spec;

/// <summary>Spec-wide defaults; each check inherits them unless it overrides a value.</summary>
/// <param name="Interval">How often a check runs.</param>
/// <param name="Timeout">Per-step request timeout.</param>
/// <param name="Retries">Extra attempts before a run counts as failed.</param>
/// <param name="MaxDuration">Upper bound on one run, all attempts included.</param>
/// <param name="DegradedAfter">A run slower than this is Degraded; null disables the rule.</param>
/// <param name="Location">The run location recorded with results.</param>
/// <param name="Concurrency">How many checks may run at once in one instance.</param>
/// <param name="FollowRedirects">Whether steps follow 3xx redirects.</param>
/// <param name="Headers">Headers sent with every request.</param>
/// <param name="Variables">Variables available to every check.</param>
public sealed record SpecDefaults(
    TimeSpan Interval,
    TimeSpan Timeout,
    int Retries,
    TimeSpan MaxDuration,
    TimeSpan? DegradedAfter,
    string Location,
    int Concurrency,
    bool FollowRedirects,
    ImmutableArray<HeaderSpec> Headers,
    ImmutableArray<KeyValuePair<string, Template>> Variables)
{
    /// <summary>The defaults used when the spec has no <c>defaults</c> section.</summary>
    public static SpecDefaults BuiltIn { get; } = new(
        Interval: TimeSpan.FromMinutes(1),
        Timeout: TimeSpan.FromSeconds(10),
        Retries: 1,
        MaxDuration: TimeSpan.FromSeconds(45),
        DegradedAfter: null,
        Location: "local",
        Concurrency: 16,
        FollowRedirects: true,
        Headers: [],
        Variables: []);
}
