using System.Collections.Immutable;

namespace Monitoring.Core.Results;

/// <summary>
/// The monitor tables, defined once. Log Analytics tables, DCR streams, SQLite tables and
/// workbook queries are all generated from or tested against these definitions.
/// </summary>
public static class MonitorTables
{
    /// <summary>One row per check run.</summary>
    public static TableDefinition CheckRun { get; } = new(
        "MonitorCheckRun_CL",
        "One row per synthetic check run.",
        [
            new("TimeGenerated", ColumnType.DateTime, "When the run started (UTC)."),
            new("CheckName", ColumnType.String, "The check."),
            new("Service", ColumnType.String, "The owning service."),
            new("Location", ColumnType.String, "Where the run happened."),
            new("RunId", ColumnType.String, "Unique run id."),
            new("Outcome", ColumnType.String, "Healthy, Degraded or Failed."),
            new("Success", ColumnType.Boolean, "False only when Outcome is Failed."),
            new("DurationMs", ColumnType.Real, "Duration of the final attempt, cleanup excluded."),
            new("Attempts", ColumnType.Int, "Attempts made."),
            new("FailedStep", ColumnType.String, "The failed step."),
            new("ErrorKind", ColumnType.String, "dns, connect, tls, timeout, http-status, assertion or extraction."),
            new("StatusCode", ColumnType.Int, "The failed or last step's HTTP status."),
            new("Message", ColumnType.String, "Short redacted explanation."),
            new("CertDaysLeft", ColumnType.Int, "Fewest days left on a TLS certificate seen."),
            new("Steps", ColumnType.Dynamic, "Per-step name, outcome, status, duration, error."),
        ]);

    /// <summary>One row per data-check evaluation (filled by the data-checks feature).</summary>
    public static TableDefinition DataCheck { get; } = new(
        "MonitorDataCheck_CL",
        "One row per data-check evaluation.",
        [
            new("TimeGenerated", ColumnType.DateTime, "When the evaluation ran (UTC)."),
            new("CheckName", ColumnType.String, "The data check."),
            new("Service", ColumnType.String, "The owning service."),
            new("Dataset", ColumnType.String, "The dataset observed."),
            new("Kind", ColumnType.String, "connection, freshness, volume, anomaly, schema, pipeline or pipeline-duration."),
            new("Outcome", ColumnType.String, "Healthy, Degraded or Failed."),
            new("LastUpdated", ColumnType.DateTime, "When the data last changed."),
            new("AgeMinutes", ColumnType.Real, "Minutes since LastUpdated."),
            new("RowCount", ColumnType.Long, "Rows observed."),
            new("Expected", ColumnType.String, "What the rule expected."),
            new("AnomalyScore", ColumnType.Real, "z-score for anomaly rules."),
            new("Details", ColumnType.Dynamic, "Rule-specific details."),
        ]);

    /// <summary>One row per SLO per evaluation cycle (filled by the SLO feature).</summary>
    public static TableDefinition SloStatus { get; } = new(
        "MonitorSloStatus_CL",
        "One row per SLO per evaluation cycle.",
        [
            new("TimeGenerated", ColumnType.DateTime, "When the SLO was evaluated (UTC)."),
            new("SloName", ColumnType.String, "The SLO."),
            new("Service", ColumnType.String, "The owning service."),
            new("Objective", ColumnType.Real, "Target, in percent."),
            new("WindowDays", ColumnType.Int, "Rolling window length."),
            new("Good", ColumnType.Long, "Good events in the window."),
            new("Total", ColumnType.Long, "All events in the window."),
            new("Attainment", ColumnType.Real, "Good / Total, in percent."),
            new("BudgetRemaining", ColumnType.Real, "Error budget left, in percent."),
            new("BurnRate_5m", ColumnType.Real, "Burn rate over 5 minutes."),
            new("BurnRate_30m", ColumnType.Real, "Burn rate over 30 minutes."),
            new("BurnRate_1h", ColumnType.Real, "Burn rate over 1 hour."),
            new("BurnRate_2h", ColumnType.Real, "Burn rate over 2 hours."),
            new("BurnRate_6h", ColumnType.Real, "Burn rate over 6 hours."),
            new("BurnRate_1d", ColumnType.Real, "Burn rate over 1 day."),
            new("BurnRate_3d", ColumnType.Real, "Burn rate over 3 days."),
            new("AlertState", ColumnType.String, "none, ticket or page."),
        ]);

    /// <summary>One row per alert state transition (filled by the alerting feature).</summary>
    public static TableDefinition Alert { get; } = new(
        "MonitorAlert_CL",
        "One row per alert state transition.",
        [
            new("TimeGenerated", ColumnType.DateTime, "When the transition happened (UTC)."),
            new("AlertKey", ColumnType.String, "Stable identity of the alert."),
            new("AlertName", ColumnType.String, "Human name."),
            new("Source", ColumnType.String, "check, degraded, slo-burn, data-check, no-data or certificate."),
            new("Severity", ColumnType.String, "critical, warning or info."),
            new("State", ColumnType.String, "State after the transition: inactive, pending, firing, acknowledged, silenced or resolved."),
            new("Service", ColumnType.String, "The owning service."),
            new("Team", ColumnType.String, "The owning team."),
            new("Summary", ColumnType.String, "What broke."),
            new("RunbookUrl", ColumnType.String, "The runbook."),
            new("Labels", ColumnType.Dynamic, "Labels used for routing."),
        ]);

    /// <summary>One row per delivery of one notification message to one channel (filled by the notification dispatcher).</summary>
    public static TableDefinition Delivery { get; } = new(
        "MonitorDelivery_CL",
        "One row per delivery of one notification message to one channel, with its result.",
        [
            new("TimeGenerated", ColumnType.DateTime, "When the delivery started (UTC)."),
            new("Route", ColumnType.String, "The route that sent the message (an escalation's route for its levels)."),
            new("Channel", ColumnType.String, "The channel's name in the spec."),
            new("ChannelKind", ColumnType.String, "teams, email, webhook or outbox; empty when the route names a channel that is not configured."),
            new("GroupKey", ColumnType.String, "The alert group; deliveries of one group thread together."),
            new("AlertKeys", ColumnType.Dynamic, "The keys of the alerts the message carried."),
            new("Alerts", ColumnType.Int, "How many alerts the message carried."),
            new("Kind", ColumnType.String, "firing, resolved, reminder or test; comma-separated when the message mixes kinds."),
            new("Delivered", ColumnType.Boolean, "True when the destination accepted the message."),
            new("Attempts", ColumnType.Int, "Requests made, retries included."),
            new("StatusCode", ColumnType.Int, "The last HTTP status, for HTTP channels."),
            new("Error", ColumnType.String, "Why it failed, redacted and without the URL."),
            new("DurationMs", ColumnType.Real, "From the first attempt to the result, waits included."),
            new("Held", ColumnType.Boolean, "True when the channel held the message for a later digest (email rate limits); a later row with Route 'digest' records the send."),
        ]);

    /// <summary>One row per heartbeat: proof the monitor itself is running.</summary>
    public static TableDefinition Heartbeat { get; } = new(
        "MonitorHeartbeat_CL",
        "One row per heartbeat of a running instance.",
        [
            new("TimeGenerated", ColumnType.DateTime, "When the heartbeat was written (UTC)."),
            new("Instance", ColumnType.String, "The instance."),
            new("Version", ColumnType.String, "The app version."),
            new("ChecksConfigured", ColumnType.Int, "Enabled checks in the spec."),
            new("CycleMs", ColumnType.Real, "Duration of the last check cycle."),
        ]);

    /// <summary>Every monitor table.</summary>
    public static ImmutableArray<TableDefinition> All { get; } = [CheckRun, DataCheck, SloStatus, Alert, Delivery, Heartbeat];
}
