namespace Monitoring.Functions.Scheduling;

/// <summary>Structured log lines of the local scheduler.</summary>
internal static partial class SchedulerLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Local scheduler started: {FunctionName} on '{Schedule}' (UTC)")]
    public static partial void Started(ILogger logger, string functionName, string schedule);

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "{FunctionName} tick at {ScheduledAt:O} skipped: the previous invocation is still running")]
    public static partial void SkippedOverlap(ILogger logger, string functionName, DateTimeOffset scheduledAt);

    [LoggerMessage(EventId = 202, Level = LogLevel.Debug, Message = "{FunctionName}: {Line}")]
    public static partial void InvocationLine(ILogger logger, string functionName, string line);

    [LoggerMessage(EventId = 203, Level = LogLevel.Error, Message = "{FunctionName} invocation failed")]
    public static partial void InvocationFailed(ILogger logger, Exception exception, string functionName);
}
