using System.Text;
using Monitoring.Functions.AzureAlerts;

namespace Monitoring.Functions.Api;

/// <summary>The webhook Azure Monitor action groups call: <c>POST /api/alerts/azure</c> with a common alert schema payload.</summary>
public static class AzureAlertsApi
{
    /// <summary>The handlers, keyed by function name.</summary>
    public static IEnumerable<KeyValuePair<string, Delegate>> Handlers =>
    [
        new("alerts-azure", ReceiveAsync),
    ];

    private static async Task<IResult> ReceiveAsync(HttpRequest request, AzureAlertReceiver receiver, CancellationToken cancellationToken)
    {
        if (request.ContentLength > AzureAlertReceiver.MaxBodyBytes)
        {
            return TooLarge();
        }

        // Read at most one byte past the limit: enough to know the body is too large without holding all of it.
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > AzureAlertReceiver.MaxBodyBytes)
            {
                return TooLarge();
            }
        }

        return await receiver.ReceiveAsync(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), cancellationToken);
    }

    private static IResult TooLarge() => Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The body is too large.",
        detail: $"An Azure Monitor alert in the common alert schema is at most 256 KB; this endpoint reads at most {AzureAlertReceiver.MaxBodyBytes / 1024} KB.");
}
