using System.IO.Compression;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;
using Azure.Core.Pipeline;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Monitoring.Testing;

namespace Monitoring.Azure.Tests.Support;

/// <summary>
/// The Application Insights ingestion endpoint (Breeze) on loopback HTTPS, following its wire format:
/// <c>POST {IngestionEndpoint}/v2.1/track</c> with envelopes as JSON lines (or a JSON array), gzipped or not,
/// answered 200 <c>{"itemsReceived","itemsAccepted","errors":[]}</c>. With a token it requires
/// <c>Bearer &lt;token&gt;</c>, as a resource with local authentication disabled does, and answers 401 otherwise;
/// while <see cref="IsDown"/> answers true it answers 503. Every accepted envelope is recorded.
/// </summary>
public sealed class AppInsightsFake : IAsyncDisposable
{
    /// <summary>The instrumentation key of the fake resource.</summary>
    public const string InstrumentationKey = "11111111-2222-3333-4444-555555555555";

    private readonly Lock gate = new();
    private readonly List<AppInsightsRequest> requests = [];
    private readonly List<JsonObject> envelopes = [];
    private readonly List<HttpClientTransport> transports = [];
    private readonly X509Certificate2 certificate;
    private readonly string? token;
    private WebApplication? app;

    private AppInsightsFake(X509Certificate2 certificate, string? token)
    {
        this.certificate = certificate;
        this.token = token;
    }

    /// <summary>The ingestion endpoint, e.g. <c>https://127.0.0.1:54321/</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>A connection string for the fake resource.</summary>
    public string ConnectionString => $"InstrumentationKey={InstrumentationKey};IngestionEndpoint={Endpoint}";

    /// <summary>While this answers true, every call gets a 503.</summary>
    public Func<bool>? IsDown { get; set; }

    /// <summary>Every call so far, in arrival order.</summary>
    public IReadOnlyList<AppInsightsRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    /// <summary>Every accepted envelope, in arrival order.</summary>
    public IReadOnlyList<JsonObject> Envelopes
    {
        get
        {
            lock (gate)
            {
                return [.. envelopes];
            }
        }
    }

    /// <summary>The accepted envelopes of one kind (<c>AvailabilityData</c>, <c>MessageData</c>, …).</summary>
    public IReadOnlyList<JsonObject> EnvelopesOf(string baseType) =>
        [.. Envelopes.Where(e => (string?)e["data"]?["baseType"] == baseType)];

    /// <summary>Starts a fake; with a <paramref name="token"/> it accepts <c>Bearer <paramref name="token"/></c> only.</summary>
    public static async Task<AppInsightsFake> StartAsync(string? token)
    {
        var fake = new AppInsightsFake(TestCertificates.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(30)), token);
        (fake.app, fake.Endpoint) = await LoopbackHttps.StartAsync(fake.certificate, app => app.MapPost("/v2.1/track", fake.TrackAsync));
        return fake;
    }

    /// <summary>Points exporter options at this fake: a transport that trusts its certificate, and no offline storage.</summary>
    public void Configure(AzureMonitorExporterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var transport = LoopbackHttps.TrustingTransport(certificate);
        lock (gate)
        {
            transports.Add(transport);
        }

        options.Transport = transport;
        options.DisableOfflineStorage = true;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        lock (gate)
        {
            foreach (var transport in transports)
            {
                transport.Dispose();
            }
        }

        certificate.Dispose();
    }

    private async Task TrackAsync(HttpContext context)
    {
        var request = context.Request;
        var authorization = request.Headers.Authorization.ToString();
        var encoding = request.Headers.ContentEncoding.ToString();
        using var body = new MemoryStream();
        if (string.Equals(encoding, "gzip", StringComparison.OrdinalIgnoreCase))
        {
            await using var gunzip = new GZipStream(request.Body, CompressionMode.Decompress);
            await gunzip.CopyToAsync(body, context.RequestAborted);
        }
        else
        {
            await request.Body.CopyToAsync(body, context.RequestAborted);
        }

        var seen = new AppInsightsRequest(authorization, request.ContentType, encoding, 0, 0);
        if (token is not null && authorization != "Bearer " + token)
        {
            await AnswerAsync(context, seen with { Status = 401 }, "{\"itemsReceived\":0,\"itemsAccepted\":0,\"errors\":[{\"index\":0,\"statusCode\":401,\"message\":\"The bearer token is missing or invalid.\"}]}");
            return;
        }

        if (IsDown?.Invoke() == true)
        {
            await AnswerAsync(context, seen with { Status = 503 }, "{\"itemsReceived\":0,\"itemsAccepted\":0,\"errors\":[]}");
            return;
        }

        List<JsonObject> received;
        try
        {
            received = Parse(Encoding.UTF8.GetString(body.ToArray()));
        }
        catch (JsonException exception)
        {
            await AnswerAsync(context, seen with { Status = 400 }, new JsonObject { ["error"] = exception.Message }.ToJsonString());
            return;
        }

        lock (gate)
        {
            envelopes.AddRange(received);
        }

        await AnswerAsync(
            context,
            seen with { Status = 200, Items = received.Count },
            $"{{\"itemsReceived\":{received.Count},\"itemsAccepted\":{received.Count},\"errors\":[]}}");
    }

    // The exporter sends one envelope per line; older SDKs sent a JSON array. Each envelope must name itself and its resource.
    private static List<JsonObject> Parse(string text)
    {
        var nodes = text.TrimStart().StartsWith('[')
            ? [.. JsonNode.Parse(text)!.AsArray()]
            : text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line => JsonNode.Parse(line)).ToList();
        return [.. nodes.Select(node => node is JsonObject envelope && envelope["name"] is not null && envelope["iKey"] is not null && envelope["time"] is not null && envelope["data"]?["baseType"] is not null
            ? (JsonObject)envelope.DeepClone()
            : throw new JsonException("An envelope needs name, iKey, time and data.baseType."))];
    }

    private async Task AnswerAsync(HttpContext context, AppInsightsRequest seen, string body)
    {
        lock (gate)
        {
            requests.Add(seen);
        }

        context.Response.StatusCode = seen.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body, context.RequestAborted);
    }
}
