using Monitoring.Core.Checks;

namespace Monitoring.Functions.Api;

/// <summary>A check run as the API shows it.</summary>
public sealed record CheckRunView(
    string RunId,
    string CheckName,
    DateTimeOffset StartedAt,
    string Outcome,
    double DurationMs,
    int Attempts,
    string? FailedStep,
    string? ErrorKind,
    int? StatusCode,
    string? Message,
    int? CertDaysLeft,
    string Location,
    IReadOnlyList<StepView> Steps)
{
    /// <summary>Maps a run.</summary>
    public static CheckRunView From(CheckRunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(run.RunId, run.CheckName, run.StartedAt, run.Outcome.ToString(), Math.Round(run.DurationMs, 1), run.Attempts,
            run.FailedStep, run.ErrorKind?.ToWireName(), run.StatusCode, run.Message, run.CertDaysLeft, run.Location,
            [.. run.Steps.Select(StepView.From)]);
    }
}
