using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Monitoring.Functions.Tests.Support;
using Monitoring.Testing;

namespace Monitoring.Functions.Tests.Notifications;

/// <summary>
/// A local HTTPS endpoint standing in for a Teams Workflows URL or a webhook: it records every
/// request and answers from a script, so retries and Retry-After can be observed on the wire.
/// </summary>
internal sealed class RecordingReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<Func<HttpResponse, Task>> script = new();
    private readonly LoopbackServer server;

    private RecordingReceiver(LoopbackServer server, X509Certificate2 certificate)
    {
        this.server = server;
        Certificate = certificate;
    }

    public X509Certificate2 Certificate { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Uri Url(string pathAndQuery) => server.Url(pathAndQuery);

    public static async Task<RecordingReceiver> StartAsync()
    {
        var certificate = TestCertificates.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(30));
        RecordingReceiver? receiver = null;
        var server = await LoopbackServer.StartAsync(app => app.MapPost("/{**path}", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            receiver!.Requests.Enqueue(new RecordedRequest(
                context.Request.Path + context.Request.QueryString,
                context.Request.ContentType,
                body,
                DateTimeOffset.UtcNow,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            if (receiver.script.TryDequeue(out var answer))
            {
                await answer(context.Response);
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status202Accepted;
            }
        }), certificate);
        receiver = new RecordingReceiver(server, certificate);
        return receiver;
    }

    /// <summary>The next request gets <paramref name="status"/>, with a Retry-After when given.</summary>
    public RecordingReceiver ThenAnswer(int status, string? retryAfter = null)
    {
        script.Enqueue(response =>
        {
            response.StatusCode = status;
            if (retryAfter is not null)
            {
                response.Headers.RetryAfter = retryAfter;
            }

            return Task.CompletedTask;
        });
        return this;
    }

    /// <summary>An HttpClient that trusts this receiver's certificate and nothing else self-signed.</summary>
    public HttpClient TrustingClient() => new(new SocketsHttpHandler
    {
        SslOptions = new System.Net.Security.SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, presented, _, errors) =>
                errors == System.Net.Security.SslPolicyErrors.None
                || (presented is not null && presented.GetCertHashString() == Certificate.GetCertHashString()),
        },
    });

    public ValueTask DisposeAsync() => server.DisposeAsync();
}

internal sealed record RecordedRequest(string PathAndQuery, string? ContentType, string Body, DateTimeOffset At, IReadOnlyDictionary<string, string> Headers);
