using System.IO.Compression;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using System.Text.Json;
using Azure.Core.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Monitoring.Azure.Ingestion;
using Monitoring.Testing;

namespace Monitoring.Azure.Tests.Support;

/// <summary>
/// The Logs Ingestion API on loopback HTTPS, following its wire format: POST
/// <c>/dataCollectionRules/{id}/streams/{stream}?api-version=2023-01-01</c> with a Bearer token and a gzipped
/// JSON array answers 204; a body over <see cref="LimitBytes"/> compressed or uncompressed answers 413
/// <c>ContentLengthLimitExceeded</c>; errors carry <c>{"error":{"code","message"}}</c> and <c>x-ms-error-code</c>.
/// Faults come from a script (first), an outage switch (then) and a seeded throttling probability (last).
/// Every accepted row is recorded per stream.
/// </summary>
public sealed class IngestionFake : IAsyncDisposable
{
    /// <summary>The service's limit per call, compressed and uncompressed: 1 MB.</summary>
    public const int ServiceLimitBytes = 1_048_576;

    private readonly Lock gate = new();
    private readonly Queue<IngestionFault?> script = new();
    private readonly List<IngestionRequest> requests = [];
    private readonly Dictionary<string, List<JsonObject>> rows = new(StringComparer.Ordinal);
    private readonly List<HttpClientTransport> transports = [];
    private readonly X509Certificate2 certificate;
    private readonly string token;
    private WebApplication? app;
    private Random random = new(0);

    private IngestionFake(X509Certificate2 certificate, string token)
    {
        this.certificate = certificate;
        this.token = token;
    }

    /// <summary>The ingestion endpoint, e.g. <c>https://127.0.0.1:54321/</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The most bytes a body may have, compressed and uncompressed; lower it to force 413s.</summary>
    public int LimitBytes { get; set; } = ServiceLimitBytes;

    /// <summary>The share of calls answered 429 (drawn from the seeded generator, see <see cref="Seed"/>).</summary>
    public double ThrottleProbability { get; set; }

    /// <summary>The Retry-After of random throttling.</summary>
    public string ThrottleRetryAfter { get; set; } = "2";

    /// <summary>While this answers true, every call gets a 500.</summary>
    public Func<bool>? IsDown { get; set; }

    /// <summary>Every call so far, in arrival order.</summary>
    public IReadOnlyList<IngestionRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    /// <summary>Starts a fake that accepts <c>Bearer <paramref name="token"/></c> only.</summary>
    public static async Task<IngestionFake> StartAsync(string token)
    {
        var fake = new IngestionFake(TestCertificates.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(30)), token);
        (fake.app, fake.Endpoint) = await LoopbackHttps.StartAsync(fake.certificate, app => app.MapPost("/dataCollectionRules/{ruleId}/streams/{stream}", (string ruleId, string stream, HttpContext context) => fake.IngestAsync(ruleId, stream, context)));
        return fake;
    }

    /// <summary>Client options whose transport trusts this fake's certificate, waiting on <paramref name="time"/>.</summary>
    public LogsIngestionClientOptions ClientOptions(TimeProvider time)
    {
        var transport = LoopbackHttps.TrustingTransport(certificate);
        lock (gate)
        {
            transports.Add(transport);
        }

        return new LogsIngestionClientOptions { Transport = transport, TimeProvider = time };
    }

    /// <summary>Makes the throttling draws repeatable.</summary>
    public void Seed(int seed)
    {
        lock (gate)
        {
            random = new Random(seed);
        }
    }

    /// <summary>The next calls get these answers, in order; a null entry lets its call through.</summary>
    public void Script(params IngestionFault?[] faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        lock (gate)
        {
            foreach (var fault in faults)
            {
                script.Enqueue(fault);
            }
        }
    }

    /// <summary>The rows accepted for <paramref name="stream"/>, in arrival order.</summary>
    public IReadOnlyList<JsonObject> RowsOf(string stream)
    {
        lock (gate)
        {
            return rows.TryGetValue(stream, out var list) ? [.. list] : [];
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        foreach (var transport in transports)
        {
            transport.Dispose();
        }

        certificate.Dispose();
    }

    private async Task IngestAsync(string ruleId, string stream, HttpContext context)
    {
        var request = context.Request;
        var authorization = request.Headers.Authorization.ToString();
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted);
        var seen = new IngestionRequest(
            ruleId,
            stream,
            authorization,
            request.Headers["x-ms-client-request-id"].ToString(),
            request.ContentType,
            request.Headers.ContentEncoding.ToString(),
            body.Length,
            null,
            0,
            0);

        if (request.Query["api-version"] != "2023-01-01")
        {
            await AnswerAsync(context, seen, new IngestionFault(400, "InvalidApiVersion", "The api-version is not supported."));
            return;
        }

        if (authorization != "Bearer " + token)
        {
            await AnswerAsync(context, seen, new IngestionFault(401, "InvalidToken", "The bearer token is missing or invalid."));
            return;
        }

        if (NextFault() is { } fault)
        {
            await AnswerAsync(context, seen, fault);
            return;
        }

        if (body.Length > LimitBytes)
        {
            await AnswerAsync(context, seen, TooLarge(body.Length));
            return;
        }

        byte[] json;
        if (string.Equals(seen.ContentEncoding, "gzip", StringComparison.OrdinalIgnoreCase))
        {
            body.Position = 0;
            using var gunzip = new GZipStream(body, CompressionMode.Decompress);
            using var inflated = new MemoryStream();
            await gunzip.CopyToAsync(inflated, context.RequestAborted);
            json = inflated.ToArray();
        }
        else
        {
            json = body.ToArray();
        }

        seen = seen with { UncompressedBytes = json.Length };
        if (json.Length > LimitBytes)
        {
            await AnswerAsync(context, seen, TooLarge(json.Length));
            return;
        }

        if (seen.ContentType is null || !seen.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            await AnswerAsync(context, seen, new IngestionFault(415, "UnsupportedMediaType", "Content-Type must be application/json."));
            return;
        }

        List<JsonObject> accepted;
        try
        {
            accepted = JsonNode.Parse(json) is JsonArray array && array.All(row => row is JsonObject)
                ? [.. array.Select(row => (JsonObject)row!.DeepClone())]
                : throw new JsonException("The body is not an array of objects.");
        }
        catch (JsonException exception)
        {
            await AnswerAsync(context, seen, new IngestionFault(400, "InvalidContent", exception.Message));
            return;
        }

        lock (gate)
        {
            if (!rows.TryGetValue(stream, out var list))
            {
                rows[stream] = list = [];
            }

            list.AddRange(accepted);
            requests.Add(seen with { Status = 204, Rows = accepted.Count });
        }

        context.Response.StatusCode = 204;
    }

    private IngestionFault? NextFault()
    {
        lock (gate)
        {
            if (script.TryDequeue(out var scripted))
            {
                return scripted;
            }

            if (IsDown?.Invoke() == true)
            {
                return IngestionFault.ServerError();
            }

            return random.NextDouble() < ThrottleProbability ? IngestionFault.Throttled(ThrottleRetryAfter) : null;
        }
    }

    private IngestionFault TooLarge(long length) => new(
        413,
        "ContentLengthLimitExceeded",
        $"Maximum allowed content length: {LimitBytes} bytes (1 MB). Provided content length: {length} bytes.");

    private async Task AnswerAsync(HttpContext context, IngestionRequest seen, IngestionFault fault)
    {
        lock (gate)
        {
            requests.Add(seen with { Status = fault.Status });
        }

        var response = context.Response;
        response.StatusCode = fault.Status;
        response.Headers["x-ms-error-code"] = fault.Code;
        if (fault.RetryAfter is not null)
        {
            response.Headers.RetryAfter = fault.RetryAfter;
        }

        var error = new JsonObject { ["error"] = new JsonObject { ["code"] = fault.Code, ["message"] = fault.Message } };
        response.ContentType = "application/json";
        await response.WriteAsync(error.ToJsonString(), context.RequestAborted);
    }
}
