namespace Monitoring.Functions.DataChecks;

/// <summary>Structured log lines for data checks. Field names are stable: dashboards and queries use them.</summary>
internal static partial class DataCheckLog
{
    [LoggerMessage(EventId = 600, Level = LogLevel.Information, Message = "Data check {CheckName} {Outcome} in {DurationMs} ms: {Summary}")]
    public static partial void Evaluated(ILogger logger, string checkName, Core.Checks.CheckOutcome outcome, long durationMs, string summary);

    [LoggerMessage(EventId = 601, Level = LogLevel.Warning, Message = "Data check {CheckName} source {SourceKind} failed ({ErrorKind}) in {DurationMs} ms: {Reason}")]
    public static partial void SourceFailed(ILogger logger, string checkName, string sourceKind, string errorKind, long durationMs, string reason);

    [LoggerMessage(EventId = 602, Level = LogLevel.Warning, Message = "Data check {CheckName} skipped: its previous read is still in progress")]
    public static partial void SkippedInFlight(ILogger logger, string checkName);

    [LoggerMessage(EventId = 603, Level = LogLevel.Warning, Message = "Data check {CheckName} is not evaluated here: {Reason}")]
    public static partial void NotEvaluable(ILogger logger, string checkName, string reason);

    [LoggerMessage(EventId = 604, Level = LogLevel.Error, Message = "Data check {CheckName} results could not be stored or alerted")]
    public static partial void StoreFailed(ILogger logger, Exception exception, string checkName);
}
