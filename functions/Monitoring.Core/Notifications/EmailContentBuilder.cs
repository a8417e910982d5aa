using System.Globalization;
using System.Net;
using System.Text;

namespace Monitoring.Core.Notifications;

/// <summary>
/// Builds one email for a whole alert group. Managed ACS domains allow 10 emails an hour, so
/// email is always a digest of a group, never one message per failed run.
/// </summary>
public static class EmailContentBuilder
{
    /// <summary>The email for <paramref name="message"/>.</summary>
    public static EmailContent Build(NotificationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = new StringBuilder();
        var html = new StringBuilder();
        var title = NotificationText.Title(message);
        html.Append("<!doctype html><html><body style=\"font-family:sans-serif\">")
            .Append("<h2>").Append(Encode(title)).Append("</h2>");
        text.AppendLine(title).AppendLine();

        foreach (var alert in message.Alerts.Take(NotificationText.MaxListed))
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

        if (message.Alerts.Length > NotificationText.MaxListed)
        {
            var more = $"…and {message.Alerts.Length - NotificationText.MaxListed} more alerts in this group.";
            text.AppendLine(more);
            html.Append("<p>").Append(Encode(more)).Append("</p>");
        }

        html.Append("</body></html>");
        return new EmailContent(title, text.ToString().ReplaceLineEndings("\n"), html.ToString());
    }

    private static string Row(string name, string value) => $"<tr><th align=\"left\">{Encode(name)}</th><td>{Encode(value)}</td></tr>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
