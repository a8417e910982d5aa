using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Monitoring.Core.Checks;
using Monitoring.Core.DataChecks;
using Monitoring.Core.Ports;
using Monitoring.Core.Secrets;
using Monitoring.Core.Spec;
using Monitoring.Functions.Probing;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Monitoring.Functions.DataSources;

/// <summary>
/// The <c>http</c> data source: GETs a JSON document (rendered URL and headers, within the request's timeout) and
/// picks its values by JSONPath (Newtonsoft's <c>SelectToken</c>; dates stay text, so a timestamp is read as written).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Last updated: the timestamp path holds an ISO 8601 time with an offset (or <c>Z</c>), or a Unix time in
/// seconds (milliseconds when it is above 10^11); JSON null means no data.</item>
/// <item>Rows: the document is one snapshot, so every requested range gets the same count: the count path's number
/// when given, otherwise the length of the items array. Bytes are unknown.</item>
/// <item>Schema: the union of the items' property names in first-seen order, each typed by its JSON type (string,
/// number, boolean, object, array, null; integers and floats are both number); a property that is null in some items
/// takes its type from the others.</item>
/// <item>Runs: the status path gives one run of the pipeline named by the URL's last path segment ("pipeline" when it
/// has none), its id the status and start time; success and running values as the spec says, anything else failed.
/// A run that started before the requested instant is left out.</item>
/// </list>
/// Messages name the URL as the spec writes it (references, not values) and never hold a header value.
/// </remarks>
public sealed class HttpJsonDataSource : IDataSource
{
    /// <summary>The largest document read (16 MiB); a larger one is a <see cref="DataSourceErrorKind.Response"/> failure.</summary>
    public const int MaxBodyBytes = 16 * 1024 * 1024;

    // Above this a Unix time is taken as milliseconds: 10^11 seconds is the year 5138, 10^11 milliseconds is 1973.
    private const double MillisecondsThreshold = 1e11;

    private readonly HttpClient client;
    private readonly IEnvironmentVariables environment;
    private readonly SecretRedactor redactor;

    /// <summary>
    /// A source that sends through <paramref name="client"/> (its own timeout is not relied on: each read is bounded by
    /// the request's), reading <c>${env:NAME}</c> references from <paramref name="environment"/> and registering their
    /// values with <paramref name="redactor"/>.
    /// </summary>
    public HttpJsonDataSource(HttpClient client, IEnvironmentVariables environment, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(redactor);
        this.client = client;
        this.environment = environment;
        this.redactor = redactor;
    }

    /// <inheritdoc/>
    public string Kind => "http";

    /// <inheritdoc/>
    public async Task<DataObservation> ReadAsync(DataSourceSpec source, DataReadRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(request);
        if (source is not HttpJsonSourceSpec http)
        {
            throw new ArgumentException($"A {source.Kind} source cannot be read by the http data source.", nameof(source));
        }

        var (url, headers) = Render(http);
        var body = await FetchAsync(http, url, headers, request.Timeout, cancellationToken).ConfigureAwait(false);
        var document = Parse(http, body);
        return Observe(http, url, document, request);
    }

    private (Uri Url, ImmutableArray<KeyValuePair<string, string>> Headers) Render(HttpJsonSourceSpec http)
    {
        var scope = new TemplateScope(ImmutableDictionary<string, string>.Empty, environment, redactor);
        try
        {
            var text = http.Url.Render(scope);
            if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                throw Fail(DataSourceErrorKind.Connection, $"URL '{http.Url.Text}' is not an absolute http(s) URL");
            }

            var headers = http.Headers.IsDefault ? [] : http.Headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value.Render(scope))).ToImmutableArray();
            return (url, headers);
        }
        catch (TemplateRenderException ex)
        {
            throw Fail(DataSourceErrorKind.Connection, $"the request to {http.Url.Text} could not be built: {ex.Message}");
        }
    }

    private async Task<string> FetchAsync(HttpJsonSourceSpec http, Uri url, ImmutableArray<KeyValuePair<string, string>> headers, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, url);
            foreach (var (name, value) in headers)
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }

            if (message.Headers.Accept.Count == 0)
            {
                message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            }

            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                var answered = string.Create(CultureInfo.InvariantCulture, $"{http.Url.Text} answered {status} {response.ReasonPhrase}");
                throw response.StatusCode switch
                {
                    HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => Fail(DataSourceErrorKind.Authentication, $"{answered}: the credentials were refused"),
                    HttpStatusCode.NotFound => Fail(DataSourceErrorKind.NotFound, $"{answered}: the document does not exist"),
                    _ => Fail(DataSourceErrorKind.Connection, answered),
                };
            }

            return await ReadBodyAsync(http, response.Content, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (deadline.IsCancellationRequested && ex is OperationCanceledException or HttpRequestException or IOException)
        {
            throw Fail(DataSourceErrorKind.Timeout, $"{http.Url.Text} gave no answer within {Core.Spec.Durations.Format(timeout)}", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
        {
            var (kind, message) = ProbeErrorClassifier.Classify(ex, url, null);
            throw Fail(kind == ErrorKind.Timeout ? DataSourceErrorKind.Timeout : DataSourceErrorKind.Connection, $"{http.Url.Text} could not be read: {message}", ex);
        }
    }

    private async Task<string> ReadBodyAsync(HttpJsonSourceSpec http, HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                {
                    throw Fail(DataSourceErrorKind.Response, $"the response from {http.Url.Text} is larger than {MaxBodyBytes / (1024 * 1024)} MiB");
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        buffer.Position = 0;
        using var reader = new StreamReader(buffer, EncodingOf(content.Headers.ContentType), detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }

    private static Encoding EncodingOf(MediaTypeHeaderValue? contentType)
    {
        var charset = contentType?.CharSet?.Trim('"', '\'', ' ');
        if (string.IsNullOrEmpty(charset))
        {
            return Encoding.UTF8;
        }

        try
        {
            return Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }

    private JToken Parse(HttpJsonSourceSpec http, string body)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(body)) { DateParseHandling = DateParseHandling.None };
            var document = JToken.ReadFrom(reader);
            if (reader.Read())
            {
                throw Fail(DataSourceErrorKind.Response, $"the response from {http.Url.Text} is not JSON: unexpected content after the document");
            }

            return document;
        }
        catch (JsonReaderException ex)
        {
            throw Fail(DataSourceErrorKind.Response, $"the response from {http.Url.Text} is not JSON: {ex.Message}", ex);
        }
    }

    private DataObservation Observe(HttpJsonSourceSpec http, Uri url, JToken document, DataReadRequest request)
    {
        DateTimeOffset? lastUpdated = null;
        if (request.LastUpdated)
        {
            var path = Require(http.Timestamp, "timestamp", "the last-updated time");
            lastUpdated = Time(Select(document, path, "timestamp", http), path, "timestamp");
        }

        var volumes = ImmutableArray<DataVolume>.Empty;
        if (!request.Ranges.IsDefaultOrEmpty)
        {
            var rows = Rows(http, document);
            volumes = [.. request.Ranges.Select(_ => new DataVolume(rows, null))];
        }

        var schema = default(ImmutableArray<SchemaColumn>);
        if (request.Schema)
        {
            schema = Schema(Items(http, document, Require(http.Items, "items", "the schema")));
        }

        var runs = ImmutableArray<PipelineRun>.Empty;
        if (request.RunsSince is { } since)
        {
            var run = Run(http, url, document);
            runs = run.Start is { } start && start < since ? [] : [run];
        }

        return new DataObservation(lastUpdated, volumes, schema, runs);
    }

    private long Rows(HttpJsonSourceSpec http, JToken document)
    {
        if (!string.IsNullOrWhiteSpace(http.Count))
        {
            var token = Select(document, http.Count, "count", http);
            return token switch
            {
                JValue { Type: JTokenType.Integer } value when value.Value is long count && count >= 0 => count,
                JValue { Type: JTokenType.Float } value when value.Value is double count && count >= 0 && count == Math.Truncate(count) && count <= long.MaxValue => (long)count,
                _ => throw Fail(DataSourceErrorKind.Response, $"count path '{http.Count}' holds {Describe(token)}, not a row count"),
            };
        }

        return Items(http, document, Require(http.Items, "items or count", "row counts")).Count;
    }

    private JArray Items(HttpJsonSourceSpec http, JToken document, string path)
    {
        var token = Select(document, path, "items", http);
        return token as JArray ?? throw Fail(DataSourceErrorKind.Response, $"items path '{path}' holds {Describe(token)}, not an array");
    }

    private static ImmutableArray<SchemaColumn> Schema(JArray items)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var item in items.OfType<JObject>())
        {
            foreach (var property in item.Properties())
            {
                var type = JsonType(property.Value);
                if (!types.TryGetValue(property.Name, out var seen))
                {
                    types[property.Name] = type;
                    order.Add(property.Name);
                }
                else if (seen == "null")
                {
                    types[property.Name] = type;
                }
            }
        }

        return [.. order.Select(name => new SchemaColumn(name, types[name]))];
    }

    private PipelineRun Run(HttpJsonSourceSpec http, Uri url, JToken document)
    {
        var statusPath = Require(http.Status, "status", "pipeline runs");
        var raw = Select(document, statusPath, "status", http) switch
        {
            JValue { Type: JTokenType.String } value => (string)value.Value!,
            JValue { Type: JTokenType.Integer or JTokenType.Float or JTokenType.Boolean } value => JsonText(value),
            var other => throw Fail(DataSourceErrorKind.Response, $"status path '{statusPath}' holds {Describe(other)}, not a status"),
        };
        var start = OptionalTime(document, http.StartedAt, "startedAt");
        var end = OptionalTime(document, http.EndedAt, "endedAt");
        var success = http.SuccessValues.IsDefaultOrEmpty ? HttpJsonSourceSpec.DefaultSuccessValues : http.SuccessValues;
        var running = http.RunningValues.IsDefaultOrEmpty ? HttpJsonSourceSpec.DefaultRunningValues : http.RunningValues;
        var status = success.Contains(raw, StringComparer.OrdinalIgnoreCase) ? PipelineRunStatus.Succeeded
            : running.Contains(raw, StringComparer.OrdinalIgnoreCase) ? PipelineRunStatus.Running
            : PipelineRunStatus.Failed;
        var runId = start is { } started ? raw + " " + started.ToString("O", CultureInfo.InvariantCulture) : raw;
        return new PipelineRun(PipelineName(url), runId, status, raw, start, end);
    }

    private string PipelineName(Uri url)
    {
        var segment = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        return segment is null ? "pipeline" : redactor.Redact(Uri.UnescapeDataString(segment))!;
    }

    private DateTimeOffset? OptionalTime(JToken document, string? path, string role)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        var token = SelectOrNull(document, path, role);
        return token is null ? null : Time(token, path, role);
    }

    private DateTimeOffset? Time(JToken token, string path, string role)
    {
        switch (token)
        {
            case JValue { Type: JTokenType.Null }:
                return null;
            case JValue { Type: JTokenType.String } value when Timestamps.TryParseIso((string)value.Value!, out var parsed):
                return parsed;
            case JValue { Type: JTokenType.Integer or JTokenType.Float } value when Timestamps.TryFromUnix(Convert.ToDouble(value.Value, CultureInfo.InvariantCulture), MillisecondsThreshold, out var unix):
                return unix;
            case JValue { Type: JTokenType.String } value:
                throw Fail(DataSourceErrorKind.Response, $"{role} path '{path}' holds \"{Shorten((string)value.Value!)}\", not an ISO 8601 time with an offset");
            default:
                throw Fail(DataSourceErrorKind.Response, $"{role} path '{path}' holds {Describe(token)}, not a time");
        }
    }

    private JToken Select(JToken document, string path, string role, HttpJsonSourceSpec http) =>
        SelectOrNull(document, path, role)
        ?? throw Fail(DataSourceErrorKind.Response, $"{role} path '{path}' matched nothing in the response from {http.Url.Text}");

    private JToken? SelectOrNull(JToken document, string path, string role)
    {
        try
        {
            return document.SelectToken(path, errorWhenNoMatch: false);
        }
        catch (JsonException ex)
        {
            throw Fail(DataSourceErrorKind.Response, $"{role} path '{path}' cannot be read: {ex.Message}", ex);
        }
    }

    private string Require(string? path, string field, string what) =>
        !string.IsNullOrWhiteSpace(path) ? path : throw Fail(DataSourceErrorKind.Query, $"the source has no {field} path, so it cannot answer {what}");

    private static string JsonType(JToken token) => token.Type switch
    {
        JTokenType.Integer or JTokenType.Float => "number",
        JTokenType.Boolean => "boolean",
        JTokenType.Object => "object",
        JTokenType.Array => "array",
        JTokenType.Null or JTokenType.Undefined => "null",
        _ => "string",
    };

    private static string Describe(JToken token) => token switch
    {
        JValue { Type: JTokenType.Null } => "null",
        JValue { Type: JTokenType.String } value => $"the string \"{Shorten((string)value.Value!)}\"",
        JValue value => $"the {JsonType(value)} {JsonText(value)}",
        _ => "an " + JsonType(token),
    };

    private static string JsonText(JValue value) => value.Value switch
    {
        bool b => b ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        var other => other?.ToString() ?? "null",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private DataSourceException Fail(DataSourceErrorKind kind, string message, Exception? inner = null) =>
        new(kind, redactor.Redact(message) ?? string.Empty, inner);
}
