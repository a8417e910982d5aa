using Monitoring.Core.Checks;
using Monitoring.Core.Spec;

namespace Monitoring.Functions.Api;

/// <summary>One check's current state and recent history.</summary>
public sealed record CheckStatusView(
    string Name,
    string? Service,
    string? Description,
    bool Enabled,
    double IntervalSeconds,
    int StepCount,
    string LastOutcome,
    DateTimeOffset? LastRunAt,
    double? LastDurationMs,
    string? FailedStep,
    string? ErrorKind,
    string? Message,
    int? CertDaysLeft,
    IReadOnlyList<CheckRunView> RecentRuns)
{
    /// <summary>What <see cref="LastOutcome"/> says before a check has ever run.</summary>
    public const string Pending = "Pending";

    /// <summary>Builds the view from the check and its runs, newest first.</summary>
    public static CheckStatusView From(CheckSpec check, IReadOnlyList<CheckRunResult> runs)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(runs);
        var last = runs.Count > 0 ? runs[0] : null;
        return new(check.Name, check.Service, check.Description, check.Enabled, check.Interval.TotalSeconds, check.Steps.Length,
            last?.Outcome.ToString() ?? Pending, last?.StartedAt, last is null ? null : Math.Round(last.DurationMs, 1),
            last?.FailedStep, last?.ErrorKind?.ToWireName(), last?.Message, last?.CertDaysLeft,
            [.. runs.Select(CheckRunView.From)]);
    }
}
