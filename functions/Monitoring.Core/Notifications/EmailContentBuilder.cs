using System.Globalization;
using System.Net;
using System.Text;

namespace Monitoring.Core.Notifications;

/// <summary>
/// Builds one email for a digest: an alert group, or everything an email channel held while its
/// hourly budget was spent. Managed ACS domains allow 10 emails an hour, so email is always a
/// digest, never one message per failed run; it lists every notification it carries, none dropped.
/// </summary>
public static class EmailContentBuilder
{
    /// <summary>The email for <paramref name="message"/>.</summary>
    public static EmailContent Build(NotificationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = new StringBuilder();
        var html = new StringBuilder();
        var title = Subject(message);
        html.Append("<!doctype html><html><body style=\"font-family:sans-serif\">")
            .Append("<h2>").Append(Encode(title)).Append("</h2>");
        text.AppendLine(title).AppendLine();

        if (message.Alerts.Length > 1)
        {
            // An overview first, one line per notification in the order they happened, so a long digest reads at a glance.
            html.Append("<table>");
            foreach (var alert in message.Alerts)
            {
                var time = alert.At.ToUniversalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture);
                var service = alert.Service is null ? string.Empty : $" ({alert.Service})";
                text.AppendLine(CultureInfo.InvariantCulture, $"  {time}  {NotificationText.State(alert.Kind),-12}  {alert.Severity,-8}  {alert.AlertName}{service}");
                html.Append("<tr><td>").Append(Encode(time)).Append("</td><td>").Append(Encode(NotificationText.State(alert.Kind)))
                    .Append("</td><td>").Append(Encode(alert.Severity)).Append("</td><td>").Append(Encode(alert.AlertName + service)).Append("</td></tr>");
            }

            text.AppendLine();
            html.Append("</table>");
        }

        foreach (var alert in message.Alerts)
        {
            var since = $"{NotificationText.Instant(alert.Since)} ({NotificationText.Elapsed(alert.Since, alert.At)})";
            text.AppendLine(CultureInfo.InvariantCulture, $"{NotificationText.State(alert.Kind)} · {alert.Severity} · {alert.AlertName}")
                .AppendLine(CultureInfo.InvariantCulture, $"  {alert.Summary}")
                .AppendLine(CultureInfo.InvariantCulture, $"  Service: {alert.Service ?? "-"}   Team: {alert.Team ?? "-"}   Since: {since}");
            html.Append("<h3>").Append(Encode($"{NotificationText.State(alert.Kind)} · {alert.Severity} · {alert.AlertName}")).Append("</h3>")
                .Append("<p>").Append(Encode(alert.Summary)).Append("</p><table>")
                .Append(Row("Service", alert.Service ?? "-"))
                .Append(Row("Team", alert.Team ?? "-"))
                .Append(Row("Since", since));
            if (alert.LastError is not null)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  Last error: {alert.LastError}");
                html.Append(Row("Last error", alert.LastError));
            }

            html.Append("</table>");
            if (alert.RunbookUrl is not null)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  Runbook: {alert.RunbookUrl.AbsoluteUri}");
                html.Append("<p><a href=\"").Append(Encode(alert.RunbookUrl.AbsoluteUri)).Append("\">Runbook</a></p>");
            }

            if (alert.StatusPageUrl is not null)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  Status page: {alert.StatusPageUrl.AbsoluteUri}");
                html.Append("<p><a href=\"").Append(Encode(alert.StatusPageUrl.AbsoluteUri)).Append("\">Status page</a></p>");
            }

            text.AppendLine();
        }

        html.Append("</body></html>");
        return new EmailContent(title, text.ToString().ReplaceLineEndings("\n"), html.ToString());
    }

    /// <summary>
    /// The subject: the severity of what is still open, then what happened, then where, e.g.
    /// "[CRITICAL] 3 alerts firing, 1 resolved — shop" or, for one alert, "[CRITICAL] Firing: checkout failing — shop".
    /// Each alert counts once, by its latest notification in the email: one that fired and resolved is resolved.
    /// </summary>
    public static string Subject(NotificationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var latest = message.Alerts.GroupBy(a => a.AlertKey, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        if (latest.Count == 0)
        {
            return "[INFO] No alerts";
        }

        var open = latest.Where(a => a.Kind is NotificationKind.Firing or NotificationKind.Reminder).ToList();
        var severity = (open.Count > 0 ? open : latest).Select(a => a.Severity).OrderBy(Severities.Rank).First().ToUpperInvariant();
        string what;
        if (latest.Count == 1)
        {
            what = $"{NotificationText.State(latest[0].Kind)}: {latest[0].AlertName}";
        }
        else
        {
            var parts = new List<string>();
            Count(parts, open.Count, "firing");
            Count(parts, latest.Count(a => a.Kind == NotificationKind.Resolved), "resolved");
            if (latest.Count(a => a.Kind == NotificationKind.Test) is > 0 and var tests)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{tests} test message{(tests == 1 ? string.Empty : "s")}"));
            }

            what = string.Join(", ", parts);
        }

        var services = message.Alerts.Select(a => a.Service).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var where = services.Count switch
        {
            0 => string.Empty,
            <= 3 => " — " + string.Join(", ", services),
            _ => string.Create(CultureInfo.InvariantCulture, $" — {services.Count} services"),
        };
        return $"[{severity}] {what}{where}";
    }

    // "3 alerts firing" for the first part, "1 resolved" after it.
    private static void Count(List<string> parts, int count, string state)
    {
        if (count == 0)
        {
            return;
        }

        var noun = parts.Count == 0 ? (count == 1 ? " alert" : " alerts") : string.Empty;
        parts.Add(string.Create(CultureInfo.InvariantCulture, $"{count}{noun} {state}"));
    }

    private static string Row(string name, string value) => $"<tr><th align=\"left\">{Encode(name)}</th><td>{Encode(value)}</td></tr>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
