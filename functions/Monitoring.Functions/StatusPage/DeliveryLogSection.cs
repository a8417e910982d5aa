using System.Globalization;
using System.Text;
using Monitoring.Core.Notifications;

namespace Monitoring.Functions.StatusPage;

/// <summary>The status page's "Delivery log" section: the newest deliveries and how they went.</summary>
internal static class DeliveryLogSection
{
    /// <summary>Appends the heading and a table of <paramref name="deliveries"/> (newest first), or says there are none.</summary>
    public static void Append(StringBuilder html, IReadOnlyList<DeliveryLogEntry> deliveries)
    {
        html.Append("<h2 id=\"deliveries\">Delivery log</h2>");
        if (deliveries.Count == 0)
        {
            html.Append("<p>No deliveries yet.</p>");
            return;
        }

        html.Append("<table><caption class=\"visually-hidden\">The newest notification deliveries and their results, newest first</caption><thead><tr>")
            .Append("<th scope=\"col\">Time (UTC)</th><th scope=\"col\">Route</th><th scope=\"col\">Channel</th><th scope=\"col\">Kind</th><th scope=\"col\">Result</th><th scope=\"col\">Attempts</th><th scope=\"col\">Error</th>")
            .Append("</tr></thead><tbody>");
        foreach (var delivery in deliveries)
        {
            var outcome = delivery.Delivered ? "Delivered" : delivery.Held ? "Held" : "Failed";
            var result = outcome
                + (delivery.StatusCode is { } status ? string.Create(CultureInfo.InvariantCulture, $" (HTTP {status})") : string.Empty);
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{delivery.At:u}</td><td>{StatusHtml.Encode(delivery.Route)}</td><td>{StatusHtml.Encode(delivery.Channel)}</td><td>{StatusHtml.Encode(delivery.Kind)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"{outcome}\">{StatusHtml.Encode(result)}</td><td>{delivery.Attempts}</td><td>{StatusHtml.Encode(delivery.Error)}</td></tr>");
        }

        html.Append("</tbody></table>");
    }
}
