using System.Collections.Immutable;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Core.Checks;
using Monitoring.Core.Ports;

namespace Monitoring.Core.Tests.Checks;

/// <summary>
/// A probe that answers from a script keyed by URL path, records every request, and advances the
/// fake clock by each answer's duration so the runner measures time as if the request had taken it.
/// </summary>
internal sealed class ScriptedProbeFactory(FakeTimeProvider time) : IHttpProbeFactory
{
    private readonly Dictionary<string, Func<int, ProbeResult>> script = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> calls = new(StringComparer.Ordinal);

    public List<ProbeRequest> Requests { get; } = [];

    public List<ProbeSessionOptions> Sessions { get; } = [];

    public int SessionsDisposed { get; private set; }

    /// <summary>Answers requests to <paramref name="path"/>; the function receives the 1-based call number for that path.</summary>
    public ScriptedProbeFactory On(string path, Func<int, ProbeResult> answer)
    {
        script[path] = answer;
        return this;
    }

    public ScriptedProbeFactory On(string path, ProbeResult answer) => On(path, _ => answer);

    public IEnumerable<string> PathsRequested => Requests.Select(r => r.Url.AbsolutePath);

    public IHttpProbeSession CreateSession(ProbeSessionOptions options)
    {
        Sessions.Add(options);
        return new Session(this);
    }

    public static ProbeResult Respond(int status, string body = "", int milliseconds = 50, params (string Name, string Value)[] headers) =>
        ProbeResult.Of(new ProbeResponse(
            status,
            TestResponses.Headers(headers),
            body,
            TimeSpan.FromMilliseconds(milliseconds),
            TestResponses.Now.AddDays(20.2),
            new Uri("https://shop.test/"),
            0));

    public static ProbeResult Fail(ErrorKind kind, string message, int milliseconds = 10) =>
        ProbeResult.Of(new ProbeFailure(kind, message, TimeSpan.FromMilliseconds(milliseconds)));

    public static string BodyText(ProbeRequest request) => request.Body is { } body ? Encoding.UTF8.GetString(body.Span) : string.Empty;

    private ProbeResult Answer(ProbeRequest request)
    {
        Requests.Add(request);
        var path = request.Url.AbsolutePath;
        calls[path] = calls.GetValueOrDefault(path) + 1;
        var result = script.TryGetValue(path, out var answer) ? answer(calls[path]) : Respond(404, "no script for " + path);
        var duration = result.Response?.Duration ?? result.Failure!.Duration;
        time.Advance(duration);
        return result;
    }

    private sealed class Session(ScriptedProbeFactory owner) : IHttpProbeSession
    {
        public Task<ProbeResult> SendAsync(ProbeRequest request, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(owner.Answer(request));
        }

        public ValueTask DisposeAsync()
        {
            owner.SessionsDisposed++;
            return ValueTask.CompletedTask;
        }
    }
}
