using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Xml;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Monitoring.Azure.Query;

/// <summary>
/// A small client for the Log Analytics Query API (<c>POST /v1/workspaces/{id}/query</c>), in the Azure SDK's shape:
/// an Azure.Core pipeline with bearer-token authentication and the SDK's retries (which honour <c>Retry-After</c> on
/// 429 and 503). A partial result (200 with an <c>error</c>) is a failure, never data.
/// </summary>
public sealed class LogsQueryClient
{
    /// <summary>The public cloud's endpoint.</summary>
    public static readonly Uri DefaultEndpoint = new("https://api.loganalytics.azure.com/");

    private readonly Uri _endpoint;
    private readonly HttpPipeline _pipeline;
    private readonly LogsQueryClientOptions _options;

    /// <summary>Creates a client for <paramref name="endpoint"/> that authenticates with <paramref name="credential"/>.</summary>
    public LogsQueryClient(Uri endpoint, TokenCredential credential, LogsQueryClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        _endpoint = endpoint;
        _options = options ?? new LogsQueryClientOptions();
        _pipeline = HttpPipelineBuilder.Build(_options, new BearerTokenAuthenticationPolicy(credential, _options.Audience));
    }

    /// <summary>Runs <paramref name="query"/> over the last <paramref name="timespan"/> of workspace <paramref name="workspaceId"/>.</summary>
    /// <returns>The result tables; empty when the service answered 204 (no data).</returns>
    /// <exception cref="RequestFailedException">The service refused the query, failed, or answered only in part.</exception>
    public async Task<ImmutableArray<LogsQueryTable>> QueryAsync(string workspaceId, string query, TimeSpan timespan, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workspaceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        using var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Post;
        request.Uri.Reset(new Uri(_endpoint, $"v1/workspaces/{Uri.EscapeDataString(workspaceId)}/query"));
        request.Headers.Add("Content-Type", "application/json");
        request.Headers.Add("Prefer", string.Create(CultureInfo.InvariantCulture, $"wait={(int)Math.Clamp(_options.ServerTimeout.TotalSeconds, 1, 600)}"));
        request.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
        {
            ["query"] = query,
            ["timespan"] = XmlConvert.ToString(timespan),
        }));

        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.Status == 204)
        {
            return [];
        }

        if (response.Status != 200)
        {
            throw Failure(response, null);
        }

        using var document = await JsonDocument.ParseAsync(response.ContentStream ?? Stream.Null, cancellationToken: cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            // A partial result looks like data but is not all of it: burn rates read from it would be wrong.
            throw Failure(response, error);
        }

        return [.. root.GetProperty("tables").EnumerateArray().Select(ReadTable)];
    }

    private static LogsQueryTable ReadTable(JsonElement table) => new(
        table.GetProperty("name").GetString() ?? string.Empty,
        [.. table.GetProperty("columns").EnumerateArray().Select(c => new LogsQueryColumn(c.GetProperty("name").GetString() ?? string.Empty, c.GetProperty("type").GetString() ?? "string"))],
        [.. table.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.Clone()).ToImmutableArray())]);

    private static RequestFailedException Failure(Response response, JsonElement? error)
    {
        string? code = null;
        string? detail = null;
        if (error is null && response.ContentStream is { } stream)
        {
            try
            {
                stream.Position = 0;
                using var document = JsonDocument.Parse(stream);
                if (document.RootElement.TryGetProperty("error", out var body))
                {
                    (code, detail) = Describe(body);
                }
            }
            catch (JsonException)
            {
                // Not JSON: the status alone explains it.
            }
        }
        else if (error is { } partial)
        {
            (code, detail) = Describe(partial);
        }

        code ??= response.Headers.TryGetValue("x-ms-error-code", out var header) ? header : null;
        var message = string.Create(CultureInfo.InvariantCulture, $"The Log Analytics query failed with {response.Status} {response.ReasonPhrase}: {code ?? "no error code"}{(detail is null ? string.Empty : " — " + detail)}");
        return new RequestFailedException(response.Status, message, code, null);
    }

    private static (string? Code, string? Message) Describe(JsonElement error)
    {
        var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
        var message = error.TryGetProperty("message", out var m) ? m.GetString() : null;

        // The innermost error says what actually went wrong (a syntax error's position, a partial result's cause).
        if (error.TryGetProperty("innererror", out var inner) && inner.ValueKind == JsonValueKind.Object && inner.TryGetProperty("message", out var innerMessage))
        {
            message = message is null ? innerMessage.GetString() : message + " " + innerMessage.GetString();
        }

        return (code, message);
    }
}
