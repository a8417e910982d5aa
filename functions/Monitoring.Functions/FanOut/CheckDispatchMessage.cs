using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitoring.Functions.FanOut;

/// <summary>One queue message of the check fan-out: which checks to run, and when they were due.</summary>
/// <param name="Checks">The checks' names.</param>
/// <param name="DueAt">When the dispatcher found them due; a message much older than that is stale.</param>
/// <param name="Confirm">True for a confirmation run (of a failure or a recovery), which is never stale.</param>
public sealed record CheckDispatchMessage(
    [property: JsonPropertyName("checks")] IReadOnlyList<string> Checks,
    [property: JsonPropertyName("dueAt")] DateTimeOffset DueAt,
    [property: JsonPropertyName("confirm")] bool Confirm = false)
{
    /// <summary>The JSON text of the message.</summary>
    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>Reads a message; null with <paramref name="error"/> when the text is not one.</summary>
    public static CheckDispatchMessage? TryParse(string? text, out string? error)
    {
        try
        {
            var message = text is null ? null : JsonSerializer.Deserialize<CheckDispatchMessage>(text);
            error = message is null ? "the message is empty"
                : message.Checks is null || message.Checks.Count == 0 || message.Checks.Any(string.IsNullOrWhiteSpace) ? "the message names no checks"
                : null;
            return error is null ? message : null;
        }
        catch (JsonException exception)
        {
            error = "the message is not JSON: " + exception.Message;
            return null;
        }
    }
}
