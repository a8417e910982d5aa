using System.Text.Json.Nodes;

namespace Monitoring.Core.Notifications;

/// <summary>
/// Builds the generic webhook body. It follows Alertmanager's webhook shape (version, groupKey,
/// status, alerts with labels) so receivers written for Alertmanager need little change.
/// </summary>
public static class WebhookPayloadBuilder
{
    /// <summary>The payload version; bumped only for breaking changes.</summary>
    public const string Version = "1";

    /// <summary>The JSON body for <paramref name="message"/>.</summary>
    public static JsonObject Build(NotificationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var alerts = new JsonArray();
        foreach (var alert in message.Alerts)
        {
            var labels = new JsonObject();
            foreach (var (name, value) in alert.Labels)
            {
                labels[name] = value;
            }

            alerts.Add(new JsonObject
            {
                ["status"] = alert.Kind == NotificationKind.Resolved ? "resolved" : "firing",
                ["kind"] = alert.Kind.ToString(),
                ["key"] = alert.AlertKey,
                ["name"] = alert.AlertName,
                ["severity"] = alert.Severity,
                ["azureSeverity"] = Severities.ToAzure(alert.Severity),
                ["service"] = alert.Service,
                ["team"] = alert.Team,
                ["summary"] = alert.Summary,
                ["lastError"] = alert.LastError,
                ["startsAt"] = NotificationText.Iso(alert.Since),
                ["at"] = NotificationText.Iso(alert.At),
                ["runbookUrl"] = alert.RunbookUrl?.AbsoluteUri,
                ["statusPageUrl"] = alert.StatusPageUrl?.AbsoluteUri,
                ["labels"] = labels,
            });
        }

        return new JsonObject
        {
            ["version"] = Version,
            ["groupKey"] = message.GroupKey,
            ["status"] = message.AllResolved ? "resolved" : "firing",
            ["severity"] = message.TopSeverity,
            ["title"] = NotificationText.Title(message),
            ["alerts"] = alerts,
        };
    }
}
