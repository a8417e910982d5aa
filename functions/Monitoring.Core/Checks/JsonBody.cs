using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Monitoring.Core.Checks;

/// <summary>Parses response bodies as JSON and turns selected tokens into text, the same way for assertions and extractions.</summary>
internal static class JsonBody
{
    /// <summary>Parses <paramref name="body"/>; dates stay text so a value compares as the server wrote it.</summary>
    public static bool TryParse(string body, out JToken? token, out string? error)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(body)) { DateParseHandling = DateParseHandling.None };
            token = JToken.ReadFrom(reader);

            // ReadFrom stops after one value; anything after it means the body was not one JSON document.
            if (reader.Read())
            {
                token = null;
                error = "body is not JSON: unexpected content after the document";
                return false;
            }

            error = null;
            return true;
        }
        catch (JsonReaderException ex)
        {
            token = null;
            error = $"body is not JSON: {ex.Message}";
            return false;
        }
    }

    /// <summary>
    /// Selects <paramref name="path"/> from <paramref name="root"/>. Returns false with an error when the
    /// path is invalid or matches more than one token; a missing token is a success with a null token.
    /// </summary>
    public static bool TrySelect(JToken root, string path, out JToken? selected, out string? error)
    {
        try
        {
            selected = root.SelectToken(path, errorWhenNoMatch: false);
            error = null;
            return true;
        }
        catch (JsonException ex)
        {
            selected = null;
            error = $"{path}: {ex.Message}";
            return false;
        }
    }

    /// <summary>A scalar as its plain text (strings unquoted, booleans lower case); objects and arrays as compact JSON.</summary>
    public static string ToText(JToken token) => token switch
    {
        JValue { Type: JTokenType.String } value => (string)value.Value!,
        JValue { Type: JTokenType.Boolean } value => (bool)value.Value! ? "true" : "false",
        JValue { Type: JTokenType.Null } => "null",
        JValue { Value: IFormattable formattable } => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => token.ToString(Formatting.None),
    };
}
