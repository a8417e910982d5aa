namespace Monitoring.Core.Checks;

/// <summary>What happened to one step of a run.</summary>
public enum StepOutcome
{
    /// <summary>The step passed.</summary>
    Passed,

    /// <summary>The step passed but was slow or failed a degrade-only assertion.</summary>
    Degraded,

    /// <summary>The step failed.</summary>
    Failed,

    /// <summary>The step did not run because an earlier step failed.</summary>
    Skipped,
}

/// <summary>The result of one step in the final attempt of a run.</summary>
/// <param name="Name">The step name.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="StatusCode">The HTTP status, when a response arrived.</param>
/// <param name="DurationMs">Time from sending the request to reading the whole response (redirects included).</param>
/// <param name="ErrorKind">Why it failed, for failed steps.</param>
/// <param name="Message">A short, redacted explanation for failed or degraded steps.</param>
/// <param name="Cleanup">True for <c>always</c> steps.</param>
public sealed record StepResult(
    string Name,
    StepOutcome Outcome,
    int? StatusCode,
    double DurationMs,
    ErrorKind? ErrorKind,
    string? Message,
    bool Cleanup);
