using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Monitoring.Core.Ports;
using Monitoring.Core.Spec;

namespace Monitoring.Core.Checks;

/// <summary>Renders a step's templates into a request the probe can send.</summary>
internal static class StepRequestBuilder
{
    // Relaxed escaping keeps non-ASCII text readable on the wire; the output is still valid JSON.
    private static readonly JsonSerializerOptions JsonBodyOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Renders <paramref name="step"/> against <paramref name="scope"/>. Fails with a message (which may hold
    /// rendered values, so callers redact it) when a reference is missing or the URL is not absolute http(s).
    /// </summary>
    public static bool TryBuild(
        StepSpec step,
        TemplateScope scope,
        TimeSpan timeout,
        [NotNullWhen(true)] out ProbeRequest? request,
        [NotNullWhen(false)] out string? error)
    {
        request = null;
        try
        {
            var urlText = step.Url.Render(scope);
            if (!Uri.TryCreate(urlText, UriKind.Absolute, out var url)
                || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                error = $"URL '{urlText}' is not an absolute http(s) URL";
                return false;
            }

            var headers = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>(step.Headers.Length);
            foreach (var header in step.Headers)
            {
                headers.Add(new(header.Name, header.Value.Render(scope)));
            }

            var body = step.Body is null ? (ReadOnlyMemory<byte>?)null : RenderBody(step.Body, scope);
            request = new ProbeRequest(
                step.Method,
                url,
                headers.MoveToImmutable(),
                body,
                step.Body is null ? null : ContentTypeOf(step.Body),
                timeout,
                step.FollowRedirects);
            error = null;
            return true;
        }
        catch (TemplateRenderException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    private static byte[] RenderBody(RequestBody body, TemplateScope scope)
    {
        var text = body.Kind switch
        {
            BodyKind.Json => RenderJson(body.Json, scope)?.ToJsonString(JsonBodyOptions) ?? "null",
            BodyKind.Form => string.Join('&', body.Form.Select(field =>
                $"{Uri.EscapeDataString(field.Key)}={Uri.EscapeDataString(field.Value.Render(scope))}")),
            BodyKind.Raw => body.Raw?.Render(scope) ?? string.Empty,
            _ => throw new ArgumentOutOfRangeException(nameof(body), body.Kind, "Unknown body kind."),
        };
        return Encoding.UTF8.GetBytes(text);
    }

    private static string ContentTypeOf(RequestBody body) =>
        !string.IsNullOrWhiteSpace(body.ContentType) ? body.ContentType : body.Kind switch
        {
            BodyKind.Json => "application/json",
            BodyKind.Form => "application/x-www-form-urlencoded",
            _ => "text/plain; charset=utf-8",
        };

    /// <summary>A rendered copy of <paramref name="node"/>: every string leaf is rendered as a template; the spec's node is never changed.</summary>
    private static JsonNode? RenderJson(JsonNode? node, TemplateScope scope) => node switch
    {
        null => null,
        JsonObject obj => new JsonObject(obj.Select(p => new KeyValuePair<string, JsonNode?>(p.Key, RenderJson(p.Value, scope)))),
        JsonArray array => new JsonArray([.. array.Select(item => RenderJson(item, scope))]),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => JsonValue.Create(RenderText(value.GetValue<string>(), scope)),
        _ => node.DeepClone(),
    };

    // The loader has already rejected malformed references, so text that does not parse is sent as written.
    private static string RenderText(string text, TemplateScope scope) =>
        Template.TryParse(text, out var template, out _) ? template.Render(scope) : text;
}
