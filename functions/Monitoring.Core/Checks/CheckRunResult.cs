using System.Collections.Immutable;

namespace Monitoring.Core.Checks;

/// <summary>The result of one run of a check: one row of <c>MonitorCheckRun_CL</c>.</summary>
/// <param name="CheckName">The check.</param>
/// <param name="Service">Its service, if any.</param>
/// <param name="Location">Where it ran.</param>
/// <param name="RunId">Unique id of this run.</param>
/// <param name="StartedAt">When the run started (UTC); stored as TimeGenerated.</param>
/// <param name="Outcome">Healthy, Degraded or Failed.</param>
/// <param name="DurationMs">Duration of the final attempt's non-cleanup steps.</param>
/// <param name="Attempts">How many attempts were made (1 when the first one passed).</param>
/// <param name="FailedStep">The step that failed, for Failed runs.</param>
/// <param name="ErrorKind">Why it failed, for Failed runs.</param>
/// <param name="StatusCode">The failed step's status, or the last step's.</param>
/// <param name="Message">A short, redacted explanation, for Failed and Degraded runs.</param>
/// <param name="CertDaysLeft">Fewest whole days left on any TLS certificate seen, if any.</param>
/// <param name="Steps">Per-step results of the final attempt, cleanup steps included.</param>
public sealed record CheckRunResult(
    string CheckName,
    string? Service,
    string Location,
    string RunId,
    DateTimeOffset StartedAt,
    CheckOutcome Outcome,
    double DurationMs,
    int Attempts,
    string? FailedStep,
    ErrorKind? ErrorKind,
    int? StatusCode,
    string? Message,
    int? CertDaysLeft,
    ImmutableArray<StepResult> Steps)
{
    /// <summary>True unless the run Failed (Degraded counts as a success for availability).</summary>
    public bool Success => Outcome != CheckOutcome.Failed;
}
