using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Monitoring.Azure.Query;
using Monitoring.Testing;

namespace Monitoring.Azure.Tests.Support;

/// <summary>
/// The Log Analytics Query API on loopback HTTPS, following its wire format: <c>POST /v1/workspaces/{id}/query</c> with a
/// Bearer token, <c>Prefer: wait=N</c> and a body of <c>{"query", "timespan"}</c>; it answers the table a test gives it,
/// or a scripted fault (429 with Retry-After, a 200 with a PartialError, a 400 SyntaxError). Every request is recorded.
/// </summary>
public sealed class QueryFake : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly Queue<Func<HttpContext, Task>> faults = new();
    private readonly List<(string Workspace, string Query, string Timespan, string? Prefer, string? Authorization)> requests = [];
    private readonly X509Certificate2 certificate;
    private WebApplication? app;

    private QueryFake(X509Certificate2 certificate) => this.certificate = certificate;

    /// <summary>The endpoint, e.g. <c>https://127.0.0.1:54321/</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The answer to the next successful query: the <c>PrimaryResult</c> table's columns and rows.</summary>
    public (string[] Columns, object?[][] Rows) Answer { get; set; } = ([], []);

    /// <summary>
    /// When set, answers each successful query by its text, columns typed, instead of <see cref="Answer"/> (one range's
    /// counts, the schema, the runs).
    /// </summary>
    public Func<string, (string[] Columns, string[] Types, object?[][] Rows)>? AnswerFor { get; set; }

    /// <summary>The KQL types of <see cref="Answer"/>'s columns, in order; null answers every column as long.</summary>
    public string[]? ColumnTypes { get; set; }

    /// <summary>Every request so far.</summary>
    public IReadOnlyList<(string Workspace, string Query, string Timespan, string? Prefer, string? Authorization)> Requests
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    /// <summary>Starts the fake.</summary>
    public static async Task<QueryFake> StartAsync()
    {
        var fake = new QueryFake(TestCertificates.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(30)));
        (fake.app, fake.Endpoint) = await LoopbackHttps.StartAsync(fake.certificate, app => app.MapPost("/v1/workspaces/{workspace}/query", (string workspace, HttpContext context) => fake.QueryAsync(workspace, context)));
        return fake;
    }

    /// <summary>Client options whose transport trusts this fake's certificate, with fast retries.</summary>
    public LogsQueryClientOptions ClientOptions()
    {
        var options = new LogsQueryClientOptions { Transport = LoopbackHttps.TrustingTransport(certificate) };
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxRetries = 3;
        return options;
    }

    /// <summary>The next call is answered 429 with <c>Retry-After: <paramref name="seconds"/></c>.</summary>
    public void Throttle(int seconds) => Enqueue(async context =>
    {
        context.Response.StatusCode = 429;
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await context.Response.WriteAsJsonAsync(Error("ThrottledError", "Too many requests."));
    });

    /// <summary>The next call gets a 200 whose tables come with a PartialError, as a query that ran out of resources does.</summary>
    public void PartialError() => Enqueue(async context =>
    {
        var body = Table();
        body["error"] = Error("PartialError", "There were some errors when processing your query.")["error"]!.DeepClone();
        await context.Response.WriteAsJsonAsync(body);
    });

    /// <summary>The next call gets a 204: the service found no data.</summary>
    public void NoContent() => Enqueue(context =>
    {
        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    });

    /// <summary>The next call gets a 400 SyntaxError.</summary>
    public void SyntaxError() => Enqueue(async context =>
    {
        context.Response.StatusCode = 400;
        context.Response.Headers["x-ms-error-code"] = "BadArgumentError";
        await context.Response.WriteAsJsonAsync(Error("BadArgumentError", "The request had some invalid properties"));
    });

    /// <summary>The next call gets no answer until the client gives up, as a query stuck in the service does.</summary>
    public void Stall() => Enqueue(async context =>
    {
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client hung up.
        }
    });

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        certificate.Dispose();
    }

    private void Enqueue(Func<HttpContext, Task> fault)
    {
        lock (gate)
        {
            faults.Enqueue(fault);
        }
    }

    private async Task QueryAsync(string workspace, HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        Func<HttpContext, Task>? fault;
        lock (gate)
        {
            requests.Add((workspace, body.RootElement.GetProperty("query").GetString()!, body.RootElement.GetProperty("timespan").GetString()!,
                context.Request.Headers["Prefer"].FirstOrDefault(), context.Request.Headers.Authorization.FirstOrDefault()));
            faults.TryDequeue(out fault);
        }

        if (fault is not null)
        {
            await fault(context);
            return;
        }

        await context.Response.WriteAsJsonAsync(Table(body.RootElement.GetProperty("query").GetString()!));
    }

    private JsonObject Table(string? query = null)
    {
        var (columns, types, rows) = query is not null && AnswerFor is { } answer ? answer(query) : (Answer.Columns, ColumnTypes, Answer.Rows);
        return new JsonObject
        {
            ["tables"] = new JsonArray(new JsonObject
            {
                ["name"] = "PrimaryResult",
                ["columns"] = new JsonArray([.. columns.Select((c, i) => (JsonNode)new JsonObject { ["name"] = c, ["type"] = types?[i] ?? "long" })]),
                ["rows"] = new JsonArray([.. rows.Select(r => (JsonNode)new JsonArray([.. r.Select(v => JsonValue.Create(v))]))]),
            }),
        };
    }

    private static JsonObject Error(string code, string message) => new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };
}
