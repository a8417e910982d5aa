namespace Monitoring.Core.Alerting;

/// <summary>Stable names of the alerting enums as stored in <c>MonitorAlert_CL</c> and matched by silences; they never change.</summary>
public static class AlertWireNames
{
    /// <summary>e.g. <c>slo-burn</c>.</summary>
    public static string ToWireName(this AlertSource source) => source switch
    {
        AlertSource.Check => "check",
        AlertSource.Degraded => "degraded",
        AlertSource.SloBurn => "slo-burn",
        AlertSource.NoData => "no-data",
        AlertSource.Certificate => "certificate",
        AlertSource.DataCheck => "data-check",
        AlertSource.Spool => "spool",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown alert source."),
    };

    /// <summary>e.g. <c>critical</c>.</summary>
    public static string ToWireName(this AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => "critical",
        AlertSeverity.Warning => "warning",
        AlertSeverity.Info => "info",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Unknown alert severity."),
    };

    /// <summary>e.g. <c>firing</c>.</summary>
    public static string ToWireName(this AlertState state) => state switch
    {
        AlertState.Inactive => "inactive",
        AlertState.Pending => "pending",
        AlertState.Firing => "firing",
        AlertState.Acknowledged => "acknowledged",
        AlertState.Silenced => "silenced",
        AlertState.Resolved => "resolved",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown alert state."),
    };

    /// <summary>e.g. <c>still-firing</c>.</summary>
    public static string ToWireName(this AlertNotifyKind kind) => kind switch
    {
        AlertNotifyKind.None => "none",
        AlertNotifyKind.Firing => "firing",
        AlertNotifyKind.Resolved => "resolved",
        AlertNotifyKind.StillFiring => "still-firing",
        AlertNotifyKind.Escalation => "escalation",
        AlertNotifyKind.Repeat => "repeat",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown notify kind."),
    };
}
