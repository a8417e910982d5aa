using System.Collections.Immutable;

namespace Monitoring.Core.Spec;

/// <summary>A synthetic check: one request or a multi-step journey, run on an interval.</summary>
/// <param name="Name">Unique check name.</param>
/// <param name="Service">The owning service, if any (a key of <see cref="MonitoringSpec.Services"/>).</param>
/// <param name="Description">Free text for people.</param>
/// <param name="Enabled">Disabled checks are validated but never run.</param>
/// <param name="Interval">How often it runs.</param>
/// <param name="Retries">Extra attempts before a run counts as failed.</param>
/// <param name="MaxDuration">Upper bound on one run, all attempts included.</param>
/// <param name="DegradedAfter">A run whose total duration exceeds this is Degraded; null disables.</param>
/// <param name="VerifyTls">False accepts any server certificate (still records its expiry).</param>
/// <param name="Location">The run location recorded with results.</param>
/// <param name="Labels">Free-form labels, used by later routing.</param>
/// <param name="Variables">Variables available to every step, in order: the spec defaults first, then the check's own (which override them). Later entries may reference earlier ones.</param>
/// <param name="Steps">The steps, in order. Steps with <see cref="StepSpec.Always"/> run even after a failure.</param>
public sealed record CheckSpec(
    string Name,
    string? Service,
    string? Description,
    bool Enabled,
    TimeSpan Interval,
    int Retries,
    TimeSpan MaxDuration,
    TimeSpan? DegradedAfter,
    bool VerifyTls,
    string Location,
    ImmutableDictionary<string, string> Labels,
    ImmutableArray<KeyValuePair<string, Template>> Variables,
    ImmutableArray<StepSpec> Steps)
{
    /// <summary>How the check's failing alert fires and resolves.</summary>
    public CheckAlertSpec Alert { get; init; } = CheckAlertSpec.Default;
}
