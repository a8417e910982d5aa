using Monitoring.Core.Checks;

namespace Monitoring.Functions.Execution;

/// <summary>Structured log lines for check execution. Field names are stable: dashboards and queries use them.</summary>
internal static partial class CheckLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Check {CheckName} {Outcome} in {DurationMs} ms (attempts {Attempts})")]
    public static partial void RunHealthy(ILogger logger, string checkName, CheckOutcome outcome, long durationMs, int attempts);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Check {CheckName} {Outcome} in {DurationMs} ms (attempts {Attempts}): {Reason}")]
    public static partial void RunDegraded(ILogger logger, string checkName, CheckOutcome outcome, long durationMs, int attempts, string? reason);

    [LoggerMessage(EventId = 102, Level = LogLevel.Error, Message = "Check {CheckName} {Outcome} in {DurationMs} ms (attempts {Attempts}) at step {FailedStep}: {ErrorKind} {Reason}")]
    public static partial void RunFailed(ILogger logger, string checkName, CheckOutcome outcome, long durationMs, int attempts, string? failedStep, string? errorKind, string? reason);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Check {CheckName} skipped: its previous run is still in progress")]
    public static partial void SkippedInFlight(ILogger logger, string checkName);

    [LoggerMessage(EventId = 104, Level = LogLevel.Error, Message = "Check {CheckName} result could not be stored")]
    public static partial void StoreFailed(ILogger logger, Exception exception, string checkName);

    [LoggerMessage(EventId = 105, Level = LogLevel.Error, Message = "Check {CheckName} crashed the runner")]
    public static partial void RunnerCrashed(ILogger logger, Exception exception, string checkName);

    [LoggerMessage(EventId = 106, Level = LogLevel.Error, Message = "Check {CheckName} run could not be observed for alerting")]
    public static partial void ObserverFailed(ILogger logger, Exception exception, string checkName);

    /// <summary>Writes the one line a run gets.</summary>
    public static void Run(ILogger logger, CheckRunResult run)
    {
        var durationMs = (long)Math.Round(run.DurationMs);
        switch (run.Outcome)
        {
            case CheckOutcome.Healthy:
                RunHealthy(logger, run.CheckName, run.Outcome, durationMs, run.Attempts);
                break;
            case CheckOutcome.Degraded:
                RunDegraded(logger, run.CheckName, run.Outcome, durationMs, run.Attempts, run.Message);
                break;
            default:
                RunFailed(logger, run.CheckName, run.Outcome, durationMs, run.Attempts, run.FailedStep, run.ErrorKind?.ToWireName(), run.Message);
                break;
        }
    }
}
