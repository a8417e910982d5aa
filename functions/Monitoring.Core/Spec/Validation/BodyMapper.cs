using System.Collections.Immutable;
using Monitoring.Core.Spec.Loading.Nodes;

namespace Monitoring.Core.Spec.Validation;

/// <summary>Maps a step's <c>body</c>.</summary>
internal static class BodyMapper
{
    private const string JsonContentType = "application/json";
    private const string FormContentType = "application/x-www-form-urlencoded";
    private const string RawContentType = "text/plain";

    /// <summary>The body, or null when absent or wrong (wrongs are reported).</summary>
    public static RequestBody? Map(SpecNode? node, SpecPath path, MappingContext context, VariableScope scope)
    {
        if (node is null || MappingReader.Open(node, path, context.Errors, SpecFields.Body) is not { } body)
        {
            return null;
        }

        var kinds = SpecFields.BodyKinds.Where(body.Has).ToList();
        if (kinds.Count != 1)
        {
            var found = kinds.Count == 0 ? "none" : string.Join(" and ", kinds);
            context.Errors.Add(path, node, $"needs exactly one of json, form or raw, but has {found}");
        }

        var contentType = DefaultsMapper.NonEmpty(body, "contentType");

        // Every kind present is still checked, so all its errors show up in one pass.
        var json = body.Node("json") is { } jsonNode ? MapJson(jsonNode, body.PathOf("json"), context, scope) : null;
        var form = body.Map("form") is { } formMap ? MapForm(formMap, body.PathOf("form"), context, scope) : [];
        var raw = body.Node("raw") is { } rawNode ? context.Templates.Read(rawNode, body.PathOf("raw"), scope) : null;

        return kinds.Count != 1 ? null : kinds[0] switch
        {
            "json" => new RequestBody(BodyKind.Json, json, [], null, contentType ?? JsonContentType),
            "form" => new RequestBody(BodyKind.Form, null, form, null, contentType ?? FormContentType),
            _ => new RequestBody(BodyKind.Raw, null, [], raw, contentType ?? RawContentType),
        };
    }

    private static System.Text.Json.Nodes.JsonNode? MapJson(SpecNode node, SpecPath path, MappingContext context, VariableScope scope)
    {
        if (node is not (SpecMapping or SpecSequence))
        {
            context.Errors.Add(path, node, $"expected a mapping or a list, not {ValueReader.Show(node)}");
            return null;
        }

        return JsonBodyMapper.Map(node, path, context, scope);
    }

    private static ImmutableArray<KeyValuePair<string, Template>> MapForm(SpecMapping form, SpecPath path, MappingContext context, VariableScope scope)
    {
        var fields = ImmutableArray.CreateBuilder<KeyValuePair<string, Template>>();
        foreach (var entry in form.Entries)
        {
            if (context.Templates.Read(entry.Value, path.Field(entry.Key), scope) is { } value)
            {
                fields.Add(new(entry.Key, value));
            }
        }

        return fields.ToImmutable();
    }
}
