using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitoring.Core.Alerting;

/// <summary>How alert state and silences are stored: camelCase JSON with enums by kebab-case name, so the values stay readable and stable.</summary>
internal static class AlertJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json, string what) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new FormatException($"The stored {what} is empty JSON.");
}
