using System.Globalization;
using System.Net;

namespace Monitoring.Functions.StatusPage;

/// <summary>The few text helpers every status page section shares.</summary>
internal static class StatusHtml
{
    /// <summary>HTML-encodes <paramref name="text"/>; null becomes empty.</summary>
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>An ISO 8601 instant in the page's format (UTC, "u"); text that is not an instant is shown as it is.</summary>
    public static string? Time(string? iso) =>
        DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant.ToString("u", CultureInfo.InvariantCulture)
            : iso;
}
