namespace Monitoring.Functions.Telemetry;

/// <summary>Structured log lines for the app's telemetry to Application Insights.</summary>
internal static partial class TelemetryLog
{
    [LoggerMessage(EventId = 700, Level = LogLevel.Warning, Message = "Check {CheckName} run could not be sent as availability telemetry")]
    public static partial void AvailabilityNotTracked(ILogger logger, Exception exception, string checkName);

    [LoggerMessage(EventId = 701, Level = LogLevel.Warning, Message = "Availability telemetry could not all be sent before the app stopped")]
    public static partial void FlushIncomplete(ILogger logger, Exception? exception);
}
