using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Monitoring.Functions.StatusPage;

/// <summary>The status page's "Recent notifications" section: the newest local outbox entries.</summary>
internal static class OutboxSection
{
    /// <summary>Appends the heading and a table of <paramref name="entries"/> (newest first), or says there are none.</summary>
    public static void Append(StringBuilder html, IReadOnlyList<JsonObject> entries)
    {
        html.Append("<h2 id=\"notifications\">Recent notifications</h2>");
        if (entries.Count == 0)
        {
            html.Append("<p>No notifications yet.</p>");
            return;
        }

        html.Append("<table><caption class=\"visually-hidden\">The newest notifications in the local outbox, newest first</caption><thead><tr>")
            .Append("<th scope=\"col\">Time (UTC)</th><th scope=\"col\">Kind</th><th scope=\"col\">Severity</th><th scope=\"col\">Alert</th><th scope=\"col\">Channel</th>")
            .Append("</tr></thead><tbody>");
        foreach (var entry in entries)
        {
            var (kind, severity, alert, channel) = Describe(entry);
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{StatusHtml.Encode(StatusHtml.Time(Text(entry["deliveredAt"])))}</td><td>{StatusHtml.Encode(kind)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{StatusHtml.Encode(severity)}</td><td>{StatusHtml.Encode(alert)}</td><td>{StatusHtml.Encode(channel)}</td></tr>");
        }

        html.Append("</tbody></table>");
    }

    // The outbox holds two shapes: a notification (the webhook payload, delivered to a named outbox
    // channel) and an email the local sender wrote instead of sending.
    private static (string? Kind, string? Severity, string? Alert, string? Channel) Describe(JsonObject entry)
    {
        if (Text(entry["kind"]) == "email")
        {
            return ("email", null, Text(entry["subject"]), "email");
        }

        var payload = entry["payload"] as JsonObject;
        var alerts = (payload?["alerts"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        var kinds = string.Join(", ", alerts.Select(a => Text(a["kind"])?.ToLowerInvariant()).OfType<string>().Distinct(StringComparer.Ordinal));
        var alert = alerts.Count == 0
            ? Text(payload?["title"])
            : $"{Text(alerts[0]["name"])}: {Text(alerts[0]["summary"])}" + (alerts.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $" (+{alerts.Count - 1} more)") : string.Empty);
        return (kinds, Text(payload?["severity"]), alert, Text(entry["channel"]));
    }

    // Outbox lines are read back from a file; a value of an unexpected type shows as nothing rather than failing the page.
    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
