using System.Collections.Immutable;
using System.Text;
using Monitoring.Core.Notifications;

namespace Monitoring.Functions.AzureAlerts;

/// <summary>
/// Turns an Azure Monitor alert into the app's <see cref="Notification"/>, so it reaches Teams as the same Adaptive
/// Card as the app's own alerts: severity, what fired, state, since when, and the runbook.
/// </summary>
public static class AzureAlertNotifications
{
    /// <summary>The group key of an Azure alert's message: one thread per alert rule.</summary>
    public static string GroupKey(CommonAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return "azure-monitor:" + alert.AlertRule;
    }

    /// <summary>The app's severity of an Azure severity: Sev0 and Sev1 are critical, Sev2 a warning, Sev3 and Sev4 info.</summary>
    public static string Severity(string azureSeverity) => azureSeverity switch
    {
        "Sev0" or "Sev1" => Severities.Critical,
        "Sev2" => Severities.Warning,
        _ => Severities.Info,
    };

    /// <summary>The notification for <paramref name="alert"/>.</summary>
    /// <param name="alert">The alert as Azure Monitor sent it.</param>
    /// <param name="fallbackRunbook">The runbook when the alert carries none: the on-call guide.</param>
    /// <param name="statusPageUrl">The status page, if configured.</param>
    public static Notification From(CommonAlert alert, Uri fallbackRunbook, Uri? statusPageUrl)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var engineKey = alert.Dimension("AlertKey");
        var service = alert.Dimension("Service") is { } named && named != "none" ? named : null;
        var labels = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        labels["alertRule"] = alert.AlertRule;
        labels["azureSeverity"] = alert.Severity;
        labels["monitorCondition"] = alert.Resolved ? "Resolved" : "Fired";
        if (alert.MonitoringService is { } monitoringService)
        {
            labels["monitoringService"] = monitoringService;
        }

        return new Notification(
            alert.Resolved ? NotificationKind.Resolved : NotificationKind.Firing,
            "azure:" + (engineKey ?? alert.AlertRule),
            alert.Dimension("AlertName") ?? alert.AlertRule,
            Severity(alert.Severity),
            service,
            Team: null,
            Summary(alert),
            LastError: null,
            Since: alert.FiredAt,
            At: alert.Resolved ? alert.ResolvedAt ?? alert.FiredAt : alert.FiredAt,
            RunbookUrl: alert.RunbookUrl ?? fallbackRunbook,
            StatusPageUrl: statusPageUrl,
            Labels: labels.ToImmutable());
    }

    // e.g. "Azure Monitor Sev1 alert rule 'sqr-critical-alerts' fired: <description> (AlertKey: check:checkout, Service: shop)."
    private static string Summary(CommonAlert alert)
    {
        var text = new StringBuilder("Azure Monitor ").Append(alert.Severity).Append(" alert rule '").Append(alert.AlertRule).Append('\'')
            .Append(alert.Resolved ? " resolved" : " fired");
        if (alert.Description is { } description)
        {
            text.Append(": ").Append(description.TrimEnd('.'));
        }

        var dimensions = alert.Dimensions.Where(d => !string.Equals(d.Key, "RunbookUrl", StringComparison.OrdinalIgnoreCase)).ToList();
        if (dimensions.Count > 0)
        {
            text.Append(" (").AppendJoin(", ", dimensions.Select(d => $"{d.Key}: {d.Value}")).Append(')');
        }

        return text.Append('.').ToString();
    }
}
