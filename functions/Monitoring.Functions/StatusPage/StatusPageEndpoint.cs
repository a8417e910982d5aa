using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Monitoring.Core.Notifications;
using Monitoring.Core.Ports;
using Monitoring.Functions.Api;
using Monitoring.Functions.Notifications;

namespace Monitoring.Functions.StatusPage;

/// <summary>
/// A small server-rendered status page at <c>/</c>: one row per check with its last outcome, then
/// the newest notifications in the local outbox and the newest deliveries from the delivery log.
/// It is also what the Functions host pings to see that the handler is up.
/// </summary>
public static class StatusPageEndpoint
{
    /// <summary>How many outbox entries and deliveries the page lists.</summary>
    public const int RecentEntries = 20;

    /// <summary>Maps <c>GET /</c>.</summary>
    public static IEndpointRouteBuilder MapStatusPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", async (StatusQueries queries, OutboxFile outbox, IDeliveryLog deliveries, CancellationToken cancellationToken) =>
            Results.Content(
                Render(
                    await queries.GetStatusAsync(1, cancellationToken),
                    await outbox.ReadLatestAsync(RecentEntries, cancellationToken),
                    await deliveries.ReadRecentAsync(RecentEntries, cancellationToken)),
                "text/html; charset=utf-8"));
        return endpoints;
    }

    /// <summary>Renders the page: the checks, then <paramref name="notifications"/> (outbox entries) and <paramref name="deliveries"/>, each newest first.</summary>
    public static string Render(StatusView status, IReadOnlyList<JsonObject> notifications, IReadOnlyList<DeliveryLogEntry> deliveries)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(notifications);
        ArgumentNullException.ThrowIfNull(deliveries);
        var html = new StringBuilder();
        html.Append("""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="refresh" content="30"><title>Monitoring status</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b;background:#fff}
            table{border-collapse:collapse;width:100%;max-width:60rem;margin-bottom:2rem}th,td{text-align:left;padding:.5rem;border-bottom:1px solid #ddd}
            .visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
            .Healthy,.Delivered{color:#0b6b1f}.Degraded,.Held{color:#8a5300}.Failed{color:#b00020}.Pending{color:#555}
            </style></head><body><h1>Monitoring status</h1>
            """);
        html.Append(CultureInfo.InvariantCulture, $"<p>Updated {status.GeneratedAt:u}</p>");
        html.Append("<table><caption class=\"visually-hidden\">Checks and their last outcome</caption><thead><tr><th scope=\"col\">Check</th><th scope=\"col\">Service</th><th scope=\"col\">Status</th><th scope=\"col\">Last run (UTC)</th><th scope=\"col\">Duration</th><th scope=\"col\">Failing step</th></tr></thead><tbody>");
        foreach (var check in status.Checks)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(check.Name)}</td><td>{Encode(check.Service)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"{Encode(check.LastOutcome)}\">{Encode(check.LastOutcome)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{check.LastRunAt:u}</td><td>{(check.LastDurationMs is { } ms ? ms.ToString("0", CultureInfo.InvariantCulture) + " ms" : string.Empty)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{Encode(check.FailedStep)}</td></tr>");
        }

        html.Append("</tbody></table>");
        OutboxSection.Append(html, notifications);
        DeliveryLogSection.Append(html, deliveries);
        html.Append("</body></html>");
        return html.ToString();
    }

    private static string Encode(string? text) => StatusHtml.Encode(text);
}
