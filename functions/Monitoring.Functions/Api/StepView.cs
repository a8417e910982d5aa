using Monitoring.Core.Checks;

namespace Monitoring.Functions.Api;

/// <summary>A step result as the API shows it.</summary>
public sealed record StepView(string Name, string Outcome, int? StatusCode, double DurationMs, string? ErrorKind, string? Message, bool Cleanup)
{
    /// <summary>Maps a step result.</summary>
    public static StepView From(StepResult step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return new(step.Name, step.Outcome.ToString(), step.StatusCode, Math.Round(step.DurationMs, 1), step.ErrorKind?.ToWireName(), step.Message, step.Cleanup);
    }
}
