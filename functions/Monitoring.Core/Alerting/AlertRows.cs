using System.Text.Json.Nodes;
using Monitoring.Core.Results;

namespace Monitoring.Core.Alerting;

/// <summary>Maps alert transitions to <see cref="MonitorTables.Alert"/> rows: the audit of every transition.</summary>
public static class AlertRows
{
    /// <summary>
    /// The row for <paramref name="transition"/>. State is the state after it; the reason of a change no
    /// observation explains (silence, inhibition, acknowledgement, escalation) follows the summary after " — ".
    /// </summary>
    public static TableRow ToRow(AlertTransition transition)
    {
        ArgumentNullException.ThrowIfNull(transition);
        var definition = transition.Definition;
        var labels = new JsonObject();
        foreach (var (name, value) in definition.Labels.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            labels[name] = value;
        }

        return new TableRow(MonitorTables.Alert,
        [
            transition.At.ToUniversalTime(),
            definition.Key,
            definition.Name,
            definition.Source.ToWireName(),
            definition.Severity.ToWireName(),
            transition.To.ToWireName(),
            definition.Service,
            definition.Team,
            transition.Reason is null ? transition.Summary : $"{transition.Summary} — {transition.Reason}",
            definition.RunbookUrl,
            labels,
        ]);
    }
}
