using System.Collections.Immutable;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Monitoring.Core.Checks;
using Monitoring.Core.Ports;
using Monitoring.Functions.Probing;
using Monitoring.Functions.Tests.Support;
using Monitoring.Testing;
using Xunit;

namespace Monitoring.Functions.Tests.Probing;

public sealed class HttpClientProbeTests
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SendAsync_ReturnsStatusHeadersAndBody_WhenTheServerAnswers()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapPost("/orders", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var received = await reader.ReadToEndAsync();
            context.Response.Headers["X-Echo-Auth"] = context.Request.Headers.Authorization.ToString();
            context.Response.Headers["X-Echo-Type"] = context.Request.ContentType;
            return Results.Json(new { total = 3, received });
        }));

        var result = await SendAsync(Request(server.Url("/orders")) with
        {
            Method = "POST",
            Headers = [new("Authorization", "Bearer tok-1")],
            Body = Encoding.UTF8.GetBytes("""{"sku":"a"}"""),
            ContentType = "application/json",
        });

        var response = AssertResponse(result);
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("""{"total":3,"received":"{\"sku\":\"a\"}"}""", response.Body);
        Assert.StartsWith("application/json", response.Headers["content-type"][0], StringComparison.Ordinal);
        Assert.Equal("Bearer tok-1", response.Headers["X-ECHO-AUTH"][0]);
        Assert.Equal("application/json", response.Headers["x-echo-type"][0]);
        Assert.Equal(server.Url("/orders"), response.FinalUrl);
        Assert.Equal(0, response.Redirects);
        Assert.Null(response.CertificateNotAfter);
        Assert.True(response.Duration > TimeSpan.Zero);
    }

    [Fact]
    public async Task SendAsync_FailsWithTimeout_WhenTheServerIsSlowerThanTheTimeout()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/slow", async (HttpContext context) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
            return "late";
        }));

        var result = await SendAsync(Request(server.Url("/slow")) with { Timeout = TimeSpan.FromMilliseconds(300) });

        var failure = AssertFailure(result, ErrorKind.Timeout);
        Assert.Equal("no response within 300 ms", failure.Message);
        Assert.InRange(failure.Duration, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task SendAsync_FailsWithDns_WhenTheHostDoesNotResolve()
    {
        var result = await SendAsync(Request(new Uri("http://monitoring-test.invalid/")));

        var failure = AssertFailure(result, ErrorKind.Dns);
        Assert.Equal("could not resolve monitoring-test.invalid", failure.Message);
    }

    [Fact]
    public async Task SendAsync_FailsWithConnect_WhenNothingListens()
    {
        var url = LoopbackServer.ClosedPortUrl();

        var result = await SendAsync(Request(url));

        var failure = AssertFailure(result, ErrorKind.Connect);
        Assert.Equal($"connection refused (127.0.0.1:{url.Port})", failure.Message);
    }

    [Fact]
    public async Task SendAsync_FailsWithTls_WhenVerifyingASelfSignedCertificate()
    {
        var notAfter = DateTimeOffset.UtcNow.AddDays(42).AddTicks(-(DateTimeOffset.UtcNow.Ticks % TimeSpan.TicksPerSecond));
        using var certificate = TestCertificates.CreateSelfSigned(notAfter);
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/", () => "secure"), certificate);

        var result = await SendAsync(Request(server.Url("/")), verifyTls: true);

        var failure = AssertFailure(result, ErrorKind.Tls);
        Assert.StartsWith("TLS handshake failed: ", failure.Message, StringComparison.Ordinal);
        Assert.Contains("RemoteCertificateChainErrors", failure.Message, StringComparison.Ordinal);
        Assert.Equal(certificate.NotAfter.ToUniversalTime(), failure.CertificateNotAfter?.UtcDateTime);
    }

    [Fact]
    public async Task SendAsync_AcceptsAndReportsTheCertificate_WhenNotVerifying()
    {
        using var certificate = TestCertificates.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(42));
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/", () => "secure"), certificate);

        var result = await SendAsync(Request(server.Url("/")), verifyTls: false);

        var response = AssertResponse(result);
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("secure", response.Body);
        Assert.Equal(certificate.NotAfter.ToUniversalTime(), response.CertificateNotAfter?.UtcDateTime);
    }

    [Fact]
    public async Task SendAsync_FollowsARelativeRedirect_WhenAskedTo()
    {
        await using var server = await RedirectingServerAsync();

        var result = await SendAsync(Request(server.Url("/old/302")));

        var response = AssertResponse(result);
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("GET /new ", response.Body);
        Assert.Equal(1, response.Redirects);
        Assert.Equal(server.Url("/new"), response.FinalUrl);
    }

    [Fact]
    public async Task SendAsync_ReturnsTheRedirect_WhenNotFollowing()
    {
        await using var server = await RedirectingServerAsync();

        var result = await SendAsync(Request(server.Url("/old/302")) with { FollowRedirects = false });

        var response = AssertResponse(result);
        Assert.Equal(302, response.StatusCode);
        Assert.Equal("/new", response.Headers["Location"][0]);
        Assert.Equal(0, response.Redirects);
    }

    [Theory]
    // 301, 302 and 303 become a GET without a body.
    [InlineData(301, "GET /new ")]
    [InlineData(302, "GET /new ")]
    [InlineData(303, "GET /new ")]
    // 307 and 308 repeat the method and the body.
    [InlineData(307, "POST /new payload")]
    [InlineData(308, "POST /new payload")]
    public async Task SendAsync_ChoosesTheRedirectMethod_ByStatus(int status, string expectedEcho)
    {
        await using var server = await RedirectingServerAsync();

        var result = await SendAsync(Request(server.Url($"/old/{status}")) with
        {
            Method = "POST",
            Body = Encoding.UTF8.GetBytes("payload"),
            ContentType = "text/plain",
        });

        Assert.Equal(expectedEcho, AssertResponse(result).Body);
    }

    [Fact]
    public async Task SendAsync_StopsFollowing_AfterTenRedirects()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
            app.MapGet("/loop/{n:int}", (int n) => Results.Redirect($"/loop/{n + 1}")));

        var result = await SendAsync(Request(server.Url("/loop/0")));

        var response = AssertResponse(result);
        Assert.Equal(302, response.StatusCode);
        Assert.Equal(HttpClientProbeSession.MaxRedirects, response.Redirects);
        Assert.Equal(server.Url("/loop/10"), response.FinalUrl);
    }

    [Fact]
    public async Task SendAsync_KeepsCookiesWithinASessionOnly()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/login", (HttpContext context) =>
            {
                context.Response.Cookies.Append("session", "abc123");
                return "welcome";
            });
            app.MapGet("/me", (HttpContext context) => context.Request.Cookies.TryGetValue("session", out var value) ? value : "anonymous");
        });
        var factory = new HttpClientProbeFactory(TimeProvider.System);

        await using (var session = factory.CreateSession(new ProbeSessionOptions(VerifyTls: true)))
        {
            await session.SendAsync(Request(server.Url("/login")), Cancellation);
            var me = await session.SendAsync(Request(server.Url("/me")), Cancellation);
            Assert.Equal("abc123", AssertResponse(me).Body);
        }

        await using var fresh = factory.CreateSession(new ProbeSessionOptions(VerifyTls: true));
        var stranger = await fresh.SendAsync(Request(server.Url("/me")), Cancellation);
        Assert.Equal("anonymous", AssertResponse(stranger).Body);
    }

    [Fact]
    public async Task SendAsync_TruncatesTheBody_AtTheConfiguredLimit()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/big", () => new string('x', 100_000)));
        var factory = new HttpClientProbeFactory(TimeProvider.System, maxBodyBytes: 1000);
        await using var session = factory.CreateSession(new ProbeSessionOptions(VerifyTls: true));

        var result = await session.SendAsync(Request(server.Url("/big")), Cancellation);

        Assert.Equal(new string('x', 1000), AssertResponse(result).Body);
    }

    [Fact]
    public async Task SendAsync_DecodesTheBody_WithTheResponseCharset()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/latin", () =>
            Results.Bytes(Encoding.Latin1.GetBytes("café"), "text/plain; charset=iso-8859-1")));

        var result = await SendAsync(Request(server.Url("/latin")));

        Assert.Equal("café", AssertResponse(result).Body);
    }

    [Fact]
    public async Task SendAsync_Throws_WhenTheCallerCancels()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/slow", async (HttpContext context) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
            return "late";
        }));
        await using var session = new HttpClientProbeFactory(TimeProvider.System).CreateSession(new ProbeSessionOptions(VerifyTls: true));
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        caller.CancelAfter(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.SendAsync(Request(server.Url("/slow")), caller.Token));
    }

    private static Task<LoopbackServer> RedirectingServerAsync() => LoopbackServer.StartAsync(app =>
    {
        app.MapMethods("/old/{status:int}", ["GET", "POST"], (HttpContext context, int status) =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers.Location = "/new";
            return Task.CompletedTask;
        });
        app.MapMethods("/new", ["GET", "POST"], async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            return $"{context.Request.Method} /new {await reader.ReadToEndAsync()}";
        });
    });

    private static ProbeRequest Request(Uri url) =>
        new("GET", url, ImmutableArray<KeyValuePair<string, string>>.Empty, null, null, DefaultTimeout, FollowRedirects: true);

    private static async Task<ProbeResult> SendAsync(ProbeRequest request, bool verifyTls = true)
    {
        await using var session = new HttpClientProbeFactory(TimeProvider.System).CreateSession(new ProbeSessionOptions(verifyTls));
        return await session.SendAsync(request, Cancellation);
    }

    private static ProbeResponse AssertResponse(ProbeResult result)
    {
        Assert.Null(result.Failure);
        return Assert.IsType<ProbeResponse>(result.Response);
    }

    private static ProbeFailure AssertFailure(ProbeResult result, ErrorKind kind)
    {
        Assert.Null(result.Response);
        var failure = Assert.IsType<ProbeFailure>(result.Failure);
        Assert.Equal(kind, failure.Kind);
        return failure;
    }
}
