using System.Collections.Immutable;

namespace Monitoring.Functions.AzureAlerts;

/// <summary>One Azure Monitor alert notification in the common alert schema, as much of it as the app uses.</summary>
/// <param name="AlertRule">The rule's name (<c>data.essentials.alertRule</c>).</param>
/// <param name="Severity">Sev0 to Sev4.</param>
/// <param name="Resolved">True for <c>monitorCondition: Resolved</c>, false for <c>Fired</c>.</param>
/// <param name="FiredAt">When the alert fired.</param>
/// <param name="ResolvedAt">When it resolved, for a resolved alert that says.</param>
/// <param name="Description">The rule's description, if any.</param>
/// <param name="AlertId">Azure's id of the alert instance, if given.</param>
/// <param name="SignalType">Metric, Log or Activity Log, if given.</param>
/// <param name="MonitoringService">e.g. <c>Log Alerts V2</c>, if given.</param>
/// <param name="TargetIds">The resources the alert is about.</param>
/// <param name="Dimensions">The dimensions of a log or metric alert (<c>alertContext.condition.allOf[].dimensions</c>), in order.</param>
/// <param name="RunbookUrl">The runbook: the <c>RunbookUrl</c> dimension, else the rule's <c>runbookUrl</c> custom property; null when neither is an absolute http(s) URL.</param>
public sealed record CommonAlert(
    string AlertRule,
    string Severity,
    bool Resolved,
    DateTimeOffset FiredAt,
    DateTimeOffset? ResolvedAt,
    string? Description,
    string? AlertId,
    string? SignalType,
    string? MonitoringService,
    ImmutableArray<string> TargetIds,
    ImmutableArray<KeyValuePair<string, string>> Dimensions,
    Uri? RunbookUrl)
{
    /// <summary>The value of the dimension <paramref name="name"/> (case-insensitive), or null.</summary>
    public string? Dimension(string name) =>
        Dimensions.FirstOrDefault(d => string.Equals(d.Key, name, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } value ? value : null;
}
