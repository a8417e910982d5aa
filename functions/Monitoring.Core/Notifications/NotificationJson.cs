using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Monitoring.Core.Notifications;

/// <summary>
/// How notification payloads are serialized. The default encoder escapes '+', quotes and every
/// non-ASCII character for safe embedding in HTML; payloads go to JSON APIs, never into a page,
/// so they keep their text readable.
/// </summary>
public static class NotificationJson
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    /// <summary>The payload as sent.</summary>
    public static string Serialize(JsonNode payload, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return payload.ToJsonString(indented ? Indented : Compact);
    }
}
