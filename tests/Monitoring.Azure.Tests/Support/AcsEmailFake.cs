using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using System.Text.Json;
using Azure.Core.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Monitoring.Azure.Email;
using Monitoring.Testing;

namespace Monitoring.Azure.Tests.Support;

/// <summary>
/// ACS Email (REST 2023-03-31) on loopback HTTPS, following its wire format. <c>POST /emails:send</c> with a Bearer
/// token, <c>api-version=2023-03-31</c>, an <c>Operation-Id</c> and a body of
/// <c>{senderAddress, recipients:{to:[{address, displayName}]}, content:{subject, plainText, html}}</c> answers 202
/// with <c>Operation-Location</c>, <c>operation-id</c> and <c>Retry-After</c>; a repeated <c>Operation-Id</c> is the
/// same send, recorded once. <c>GET /emails/operations/{id}</c> answers <c>{id, status, error?}</c>: Running for
/// <see cref="RunningPolls"/> polls, then Succeeded (or the failure of <see cref="FailWith"/>). Errors carry
/// <c>{"error":{"code","message"}}</c> and <c>x-ms-error-code</c>; scripted faults come first.
/// </summary>
public sealed class AcsEmailFake : IAsyncDisposable
{
    /// <summary>The API version the fake accepts.</summary>
    public const string ApiVersion = "2023-03-31";

    private readonly Lock gate = new();
    private readonly Queue<AcsEmailFault?> script = new();
    private readonly List<AcsEmailRequest> requests = [];
    private readonly List<(string OperationId, JsonObject Body)> sends = [];
    private readonly Dictionary<string, int> polls = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<HttpClientTransport> transports = [];
    private readonly X509Certificate2 certificate;
    private readonly string token;
    private (string Code, string Message)? failure;
    private WebApplication? app;

    private AcsEmailFake(X509Certificate2 certificate, string token)
    {
        this.certificate = certificate;
        this.token = token;
    }

    /// <summary>The resource endpoint, e.g. <c>https://127.0.0.1:54321/</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>How many polls an operation answers Running before it ends.</summary>
    public int RunningPolls { get; set; }

    /// <summary>The Retry-After of the 202 and of Running polls, in seconds; null to send none.</summary>
    public string? OperationRetryAfter { get; set; } = "1";

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<AcsEmailRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    /// <summary>Every distinct send (one per Operation-Id), in arrival order, with its body.</summary>
    public IReadOnlyList<(string OperationId, JsonObject Body)> Sends
    {
        get
        {
            lock (gate)
            {
                return [.. sends.Select(s => (s.OperationId, (JsonObject)s.Body.DeepClone()))];
            }
        }
    }

    /// <summary>Starts a fake that accepts <c>Bearer <paramref name="token"/></c> only.</summary>
    public static async Task<AcsEmailFake> StartAsync(string token)
    {
        var fake = new AcsEmailFake(TestCertificates.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(30)), token);
        (fake.app, fake.Endpoint) = await LoopbackHttps.StartAsync(fake.certificate, app => app.Run(fake.HandleAsync));
        return fake;
    }

    /// <summary>Client options whose transport trusts this fake's certificate, waiting on <paramref name="time"/>.</summary>
    public AcsEmailClientOptions ClientOptions(TimeProvider time)
    {
        var transport = LoopbackHttps.TrustingTransport(certificate);
        lock (gate)
        {
            transports.Add(transport);
        }

        return new AcsEmailClientOptions { Transport = transport, TimeProvider = time };
    }

    /// <summary>The next requests (sends or polls) get these answers, in order; a null entry lets its request through.</summary>
    public void Script(params AcsEmailFault?[] faults)
    {
        lock (gate)
        {
            foreach (var fault in faults)
            {
                script.Enqueue(fault);
            }
        }
    }

    /// <summary>Operations accepted from now on end Failed with this error.</summary>
    public void FailWith(string code, string message)
    {
        lock (gate)
        {
            failure = (code, message);
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

        lock (gate)
        {
            foreach (var transport in transports)
            {
                transport.Dispose();
            }
        }

        certificate.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? string.Empty;
        var apiVersion = request.Query["api-version"].FirstOrDefault();
        var authorization = request.Headers.Authorization.FirstOrDefault();
        var operationHeader = request.Headers["Operation-Id"].FirstOrDefault();
        AcsEmailFault? fault;
        lock (gate)
        {
            script.TryDequeue(out fault);
        }

        int status;
        if (fault is { LoseAnswer: false })
        {
            status = await ErrorAsync(context, fault.Status, fault.Code, fault.Message, fault.RetryAfter);
        }
        else if (authorization != "Bearer " + token)
        {
            status = await ErrorAsync(context, 401, "Unauthorized", "The token is missing, invalid or expired.");
        }
        else if (apiVersion != ApiVersion)
        {
            status = await ErrorAsync(context, 400, "InvalidApiVersion", "The api-version is missing or not supported.");
        }
        else if (HttpMethods.IsPost(request.Method) && path == "/emails:send")
        {
            status = await SendAsync(context, operationHeader, fault is not null);
        }
        else if (HttpMethods.IsGet(request.Method) && path.StartsWith("/emails/operations/", StringComparison.Ordinal))
        {
            status = await PollAsync(context, Uri.UnescapeDataString(path["/emails/operations/".Length..]), fault is not null);
        }
        else
        {
            status = await ErrorAsync(context, 404, "NotFound", "No such resource.");
        }

        lock (gate)
        {
            requests.Add(new AcsEmailRequest(request.Method, path, apiVersion, authorization, operationHeader, status));
        }
    }

    private async Task<int> SendAsync(HttpContext context, string? operationHeader, bool loseAnswer)
    {
        JsonObject? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonObject>(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException)
        {
            body = null;
        }

        if (ShapeError(body) is { } problem)
        {
            return await ErrorAsync(context, 400, "InvalidRequest", problem);
        }

        var id = string.IsNullOrEmpty(operationHeader) ? Guid.NewGuid().ToString("D") : operationHeader;
        lock (gate)
        {
            if (!sends.Any(s => string.Equals(s.OperationId, id, StringComparison.OrdinalIgnoreCase)))
            {
                sends.Add((id, body!));
                polls[id] = 0;
            }
        }

        if (loseAnswer)
        {
            context.Abort();
            return 0;
        }

        var response = context.Response;
        response.StatusCode = 202;
        response.Headers["Operation-Location"] = $"{Endpoint.AbsoluteUri}emails/operations/{id}?api-version={ApiVersion}";
        response.Headers["operation-id"] = id;
        if (OperationRetryAfter is not null)
        {
            response.Headers.RetryAfter = OperationRetryAfter;
        }

        await response.WriteAsync(new JsonObject { ["id"] = id, ["status"] = "Running" }.ToJsonString(), context.RequestAborted);
        return 202;
    }

    private async Task<int> PollAsync(HttpContext context, string id, bool loseAnswer)
    {
        JsonObject answer;
        bool running;
        lock (gate)
        {
            if (!polls.TryGetValue(id, out var count))
            {
                answer = null!;
                running = false;
            }
            else
            {
                polls[id] = ++count;
                running = count <= RunningPolls;
                answer = new JsonObject { ["id"] = id, ["status"] = running ? "Running" : failure is null ? "Succeeded" : "Failed" };
                if (!running && failure is { } error)
                {
                    answer["error"] = new JsonObject { ["code"] = error.Code, ["message"] = error.Message };
                }
            }
        }

        if (answer is null)
        {
            return await ErrorAsync(context, 404, "NotFound", "No such operation.");
        }

        if (loseAnswer)
        {
            context.Abort();
            return 0;
        }

        if (running && OperationRetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = OperationRetryAfter;
        }

        await context.Response.WriteAsync(answer.ToJsonString(), context.RequestAborted);
        return 200;
    }

    /// <summary>What is wrong with a send's body, or null when it has the documented shape.</summary>
    private static string? ShapeError(JsonObject? body)
    {
        if (body is null)
        {
            return "The body is not a JSON object.";
        }

        if (body["senderAddress"] is not JsonValue sender || sender.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(sender.GetValue<string>()))
        {
            return "senderAddress is required.";
        }

        if (body["recipients"]?["to"] is not JsonArray to || to.Count == 0 || to.Count > 50)
        {
            return "recipients.to must hold 1 to 50 addresses.";
        }

        if (to.Any(r => r is not JsonObject o || o["address"] is not JsonValue a || a.GetValueKind() != JsonValueKind.String || !a.GetValue<string>().Contains('@', StringComparison.Ordinal)))
        {
            return "Every recipient needs an address.";
        }

        if (body["content"] is not JsonObject content || content["subject"] is not JsonValue subject || subject.GetValueKind() != JsonValueKind.String)
        {
            return "content.subject is required.";
        }

        return content["plainText"] is null && content["html"] is null ? "content needs plainText or html." : null;
    }

    private static async Task<int> ErrorAsync(HttpContext context, int status, string code, string message, string? retryAfter = null)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.Headers["x-ms-error-code"] = code;
        if (retryAfter is not null)
        {
            response.Headers.RetryAfter = retryAfter;
        }

        var error = new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };
        await response.WriteAsync(error.ToJsonString(), context.RequestAborted);
        return status;
    }
}
