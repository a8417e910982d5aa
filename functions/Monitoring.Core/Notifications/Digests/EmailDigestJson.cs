using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitoring.Core.Notifications.Digests;

/// <summary>How an email channel's state is stored: camelCase JSON with enums by name, readable and stable.</summary>
internal static class EmailDigestJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false), new OrdinalLabelsConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(EmailDigestState state) => JsonSerializer.Serialize(state, Options);

    public static EmailDigestState Read(string json) =>
        JsonSerializer.Deserialize<EmailDigestState>(json, Options) ?? throw new FormatException("The stored email digest state is empty JSON.");

    // Labels are sorted ordinally everywhere; the default deserializer would sort them by culture.
    private sealed class OrdinalLabelsConverter : JsonConverter<ImmutableSortedDictionary<string, string>>
    {
        public override ImmutableSortedDictionary<string, string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, JsonSerializer.Deserialize<Dictionary<string, string>>(ref reader) ?? []);

        public override void Write(Utf8JsonWriter writer, ImmutableSortedDictionary<string, string> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.ToDictionary(StringComparer.Ordinal));
    }
}
