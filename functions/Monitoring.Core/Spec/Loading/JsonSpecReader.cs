using System.Globalization;
using Monitoring.Core.Spec.Loading.Nodes;
using Monitoring.Core.Spec.Validation;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Monitoring.Core.Spec.Loading;

/// <summary>Reads JSON text into the format-neutral node tree, keeping lines and columns.</summary>
internal static class JsonSpecReader
{
    private static readonly JsonLoadSettings Settings = new()
    {
        LineInfoHandling = LineInfoHandling.Load,
        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
        CommentHandling = CommentHandling.Ignore,
    };

    /// <summary>The root node, or null after reporting why the text cannot be read.</summary>
    public static SpecNode? Read(string text, SpecErrorList errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(SpecPath.Root, "the spec is empty", null, null);
            return null;
        }

        // Dates stay text and decimals keep their digits, so JSON reads values exactly as YAML does.
        using var reader = new JsonTextReader(new StringReader(text))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
        };
        try
        {
            var root = JToken.ReadFrom(reader, Settings);
            // Reading on to the end makes the reader reject anything after the document.
            while (reader.Read())
            {
            }

            return Convert(root);
        }
        catch (JsonReaderException e)
        {
            errors.Add(SpecPath.Root, $"the JSON cannot be read: {WithoutLocation(e.Message)}", e.LineNumber, e.LinePosition);
            return null;
        }
    }

    private static SpecNode Convert(JToken token)
    {
        var info = (IJsonLineInfo)token;
        var line = info.LineNumber;
        var column = info.LinePosition;
        switch (token)
        {
            case JObject map:
                return new SpecMapping(
                    [.. map.Properties().Select(p => new SpecEntry(p.Name, ((IJsonLineInfo)p).LineNumber, ((IJsonLineInfo)p).LinePosition, Convert(p.Value)))],
                    line,
                    column);
            case JArray list:
                return new SpecSequence([.. list.Select(Convert)], line, column);
            case JValue value:
                return value.Type switch
                {
                    JTokenType.Null or JTokenType.Undefined => new SpecScalar(string.Empty, ScalarKind.Null, line, column),
                    JTokenType.Boolean => new SpecScalar((bool)value ? "true" : "false", ScalarKind.Boolean, line, column),
                    JTokenType.Integer => new SpecScalar(System.Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? "0", ScalarKind.Integer, line, column),
                    JTokenType.Float => new SpecScalar(System.Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? "0", ScalarKind.Float, line, column),
                    _ => new SpecScalar(System.Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? string.Empty, ScalarKind.String, line, column),
                };
            default:
                return new SpecScalar(token.ToString(), ScalarKind.String, line, column);
        }
    }

    // Newtonsoft appends "Path 'x', line 2, position 4."; the error carries the line already.
    private static string WithoutLocation(string message)
    {
        var at = message.IndexOf(" Path '", StringComparison.Ordinal);
        if (at < 0)
        {
            at = message.IndexOf(", line ", StringComparison.Ordinal);
        }

        return at < 0 ? message : message[..at].TrimEnd('.', ',') + ".";
    }
}
