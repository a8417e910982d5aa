using System.Globalization;
using System.Text.Json.Nodes;
using Monitoring.Core.Spec.Loading.Nodes;

namespace Monitoring.Core.Spec.Validation;

/// <summary>Turns a <c>body.json</c> node into a <see cref="JsonNode"/>, checking every string in it as a template.</summary>
internal static class JsonBodyMapper
{
    /// <summary>The document; string leaves are kept as written, to be rendered by the runner.</summary>
    public static JsonNode? Map(SpecNode node, SpecPath path, MappingContext context, VariableScope scope)
    {
        switch (node)
        {
            case SpecMapping mapping:
                var json = new JsonObject();
                foreach (var entry in mapping.Entries)
                {
                    json[entry.Key] = Map(entry.Value, path.Field(entry.Key), context, scope);
                }

                return json;
            case SpecSequence sequence:
                var array = new JsonArray();
                for (var i = 0; i < sequence.Items.Length; i++)
                {
                    array.Add(Map(sequence.Items[i], path.Item(i, null), context, scope));
                }

                return array;
            case SpecScalar scalar:
                return MapScalar(scalar, path, context, scope);
            default:
                return null;
        }
    }

    private static JsonValue? MapScalar(SpecScalar scalar, SpecPath path, MappingContext context, VariableScope scope)
    {
        switch (scalar.Kind)
        {
            case ScalarKind.Null:
                return null;
            case ScalarKind.Boolean:
                return JsonValue.Create(string.Equals(scalar.Text, "true", StringComparison.OrdinalIgnoreCase));
            case ScalarKind.Integer when long.TryParse(scalar.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole):
                return JsonValue.Create(whole);
            case ScalarKind.Integer or ScalarKind.Float when decimal.TryParse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact):
                return JsonValue.Create(exact);
            case ScalarKind.Integer or ScalarKind.Float when double.TryParse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var approximate):
                return JsonValue.Create(approximate);
            default:
                context.Templates.Parse(scalar.Text, scalar, path, scope);
                return JsonValue.Create(scalar.Text);
        }
    }
}
