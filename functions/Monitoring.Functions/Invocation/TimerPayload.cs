using System.Globalization;
using System.Text.Json.Nodes;

namespace Monitoring.Functions.Invocation;

/// <summary>
/// The timer binding's data, read tolerantly: the host serializes its TimerInfo and that shape
/// is not a documented contract, so unknown or missing fields are ignored rather than fatal.
/// </summary>
/// <param name="IsPastDue">True when the host fired late.</param>
/// <param name="Last">The previous occurrence, if the host says.</param>
/// <param name="Next">The next occurrence, if the host says.</param>
public sealed record TimerPayload(bool IsPastDue, DateTimeOffset? Last, DateTimeOffset? Next)
{
    /// <summary>Reads the timer data out of an invocation's <c>Data</c> (any binding name).</summary>
    public static TimerPayload From(JsonObject? data)
    {
        var timer = data?.Select(pair => pair.Value).OfType<JsonObject>().FirstOrDefault()
            ?? (data?.Select(pair => pair.Value).FirstOrDefault() is JsonValue text && text.TryGetValue(out string? json) ? TryParseObject(json) : null);
        if (timer is null)
        {
            return new TimerPayload(false, null, null);
        }

        var status = Get(timer, "ScheduleStatus") as JsonObject;
        return new TimerPayload(
            IsPastDue: Get(timer, "IsPastDue") is JsonValue pastDue && pastDue.TryGetValue(out bool value) && value,
            Last: ReadInstant(status, "Last"),
            Next: ReadInstant(status, "Next"));
    }

    /// <summary>The payload the local scheduler sends, shaped like the host's.</summary>
    public JsonObject ToJson() => new()
    {
        ["Schedule"] = new JsonObject { ["AdjustForDST"] = false },
        ["ScheduleStatus"] = new JsonObject
        {
            [nameof(Last)] = Last?.ToString("O", CultureInfo.InvariantCulture),
            [nameof(Next)] = Next?.ToString("O", CultureInfo.InvariantCulture),
            ["LastUpdated"] = Last?.ToString("O", CultureInfo.InvariantCulture),
        },
        [nameof(IsPastDue)] = IsPastDue,
    };

    private static JsonNode? Get(JsonObject node, string name) =>
        node.FirstOrDefault(pair => string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static DateTimeOffset? ReadInstant(JsonObject? status, string name) =>
        status is not null && Get(status, name) is JsonValue value && value.TryGetValue(out string? text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant
            : null;

    private static JsonObject? TryParseObject(string? json)
    {
        try
        {
            return json is null ? null : JsonNode.Parse(json) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
