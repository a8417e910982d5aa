using Microsoft.Extensions.Time.Testing;
using Monitoring.Core.Checks;
using Monitoring.Core.Secrets;
using Monitoring.Core.Spec;
using Xunit;
using static Monitoring.Core.Tests.Checks.ScriptedProbeFactory;

namespace Monitoring.Core.Tests.Checks;

public sealed class CheckRunnerTests
{
    private readonly FakeTimeProvider time = new(TestResponses.Now);
    private readonly SecretRedactor redactor = new();
    private readonly ScriptedProbeFactory probes;

    public CheckRunnerTests()
    {
        probes = TestChecks.HappyShop(new ScriptedProbeFactory(time));
    }

    [Fact]
    public async Task RunAsync_IsHealthy_WhenEveryStepPasses()
    {
        var result = await RunAsync(TestChecks.Journey());

        Assert.Equal(CheckOutcome.Healthy, result.Outcome);
        Assert.Equal(["Passed", "Passed", "Passed", "Passed"], result.Steps.Select(s => s.Outcome.ToString()));
        Assert.Equal([false, false, false, true], result.Steps.Select(s => s.Cleanup));
        Assert.Equal(1, result.Attempts);
        Assert.Equal(200, result.DurationMs); // 100 + 60 + 40; the cleanup step's 30 ms is not counted.
        Assert.Equal(200, result.StatusCode);
        Assert.Null(result.FailedStep);
        Assert.Null(result.ErrorKind);
        Assert.Null(result.Message);
        Assert.Equal(20, result.CertDaysLeft);
        Assert.Equal(TestResponses.Now, result.StartedAt);
        Assert.Equal("test-lab", result.Location);
        Assert.Equal("shop", result.Service);
        Assert.Matches("^[0-9a-f]{32}$", result.RunId);
        Assert.Equal([true], probes.Sessions.Select(s => s.VerifyTls));
        Assert.Equal(1, probes.SessionsDisposed);
    }

    [Fact]
    public async Task RunAsync_PassesExtractedValuesToLaterSteps_InUrlHeadersAndBody()
    {
        await RunAsync(TestChecks.Journey());

        var login = probes.Requests[0];
        Assert.Equal("POST", login.Method);
        Assert.Equal("""{"username":"demo","password":"s3cret-pw","remember":true}""", BodyText(login));
        Assert.Equal("application/json", login.ContentType);

        var cart = probes.Requests[1];
        Assert.Equal(new Uri("https://shop.test/cart/c9"), cart.Url);
        Assert.Equal([new KeyValuePair<string, string>("Authorization", "Bearer tok-123")], cart.Headers);
        Assert.Equal("""{"cartId":"c9","lines":[{"sku":"demo-1","qty":2}]}""", BodyText(cart));
    }

    [Fact]
    public async Task RunAsync_LeavesTheSpecBodyUntouched_WhenItRendersTemplates()
    {
        var check = TestChecks.Journey();

        await RunAsync(check);

        Assert.Equal("""{"username":"{{user}}","password":"${env:SHOP_PASSWORD}","remember":true}""", check.Steps[0].Body!.Json!.ToJsonString());
    }

    [Fact]
    public async Task RunAsync_LetsLaterVariablesOverrideAndReferenceEarlierOnes()
    {
        var check = TestChecks.Journey() with
        {
            Variables =
            [
                TestChecks.Variable("baseUrl", "https://default.test"),
                TestChecks.Variable("user", "demo"),
                TestChecks.Variable("baseUrl", "https://override.test"),
                TestChecks.Variable("loginUrl", "{{baseUrl}}/login"),
            ],
        };
        check = check.WithStep("login", s => s with { Url = Template.Parse("{{loginUrl}}") });

        await RunAsync(check);

        Assert.Equal(new Uri("https://override.test/login"), probes.Requests[0].Url);
    }

    [Fact]
    public async Task RunAsync_EncodesFormFieldsAndRendersRawBodies()
    {
        var check = TestChecks.Journey()
            .WithStep("login", s => s with
            {
                Body = new RequestBody(BodyKind.Form, null, [TestChecks.Variable("user name", "{{user}} & co"), TestChecks.Variable("password", "${env:SHOP_PASSWORD}")], null, "application/x-www-form-urlencoded"),
            })
            .WithStep("checkout", s => s with { Method = "PUT", Body = new RequestBody(BodyKind.Raw, null, [], Template.Parse("order for {{user}}"), "text/plain") });

        await RunAsync(check);

        Assert.Equal("user%20name=demo%20%26%20co&password=s3cret-pw", BodyText(probes.Requests[0]));
        Assert.Equal("order for demo", BodyText(probes.Requests[2]));
        Assert.Equal("text/plain", probes.Requests[2].ContentType);
    }

    [Fact]
    public async Task RunAsync_RetriesInAFreshSession_WhenTheFirstAttemptFails()
    {
        probes.On("/login", call => call == 1 ? Respond(503, "busy") : Respond(200, """{"token":"tok-123","cartId":"c9"}"""));

        var result = await RunAsync(TestChecks.Journey() with { Retries = 1 });

        Assert.Equal(CheckOutcome.Healthy, result.Outcome);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(2, probes.Sessions.Count);
        Assert.Equal(2, probes.SessionsDisposed);
        Assert.All(result.Steps, s => Assert.Equal(StepOutcome.Passed, s.Outcome));
        // The failed first attempt still cleaned up after itself.
        Assert.Equal(["/login", "/logout", "/login", "/cart/c9", "/checkout", "/logout"], probes.PathsRequested);
    }

    [Fact]
    public async Task RunAsync_FailsWithTheLastAttempt_WhenEveryAttemptFails()
    {
        probes.On("/login", Respond(500, "down"));

        var result = await RunAsync(TestChecks.Journey() with { Retries = 2 });

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Equal(3, result.Attempts);
        Assert.Equal("login", result.FailedStep);
        Assert.Equal(ErrorKind.HttpStatus, result.ErrorKind);
        Assert.Equal(500, result.StatusCode);
        Assert.Equal("status 500, expected 200: down", result.Message);
        Assert.False(result.Success);
    }

    [Fact]
    public async Task RunAsync_SkipsLaterStepsButRunsCleanup_WhenAStepFails()
    {
        probes.On("/cart/c9", Respond(502, "bad gateway"));

        var result = await RunAsync(TestChecks.Journey());

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Equal("cart", result.FailedStep);
        Assert.Equal(ErrorKind.HttpStatus, result.ErrorKind);
        Assert.Equal("status 502, expected less than 400: bad gateway", result.Message);
        Assert.Equal(["Passed", "Failed", "Skipped", "Passed"], result.Steps.Select(s => s.Outcome.ToString()));
        Assert.Equal(["/login", "/cart/c9", "/logout"], probes.PathsRequested);
        Assert.Equal(150, result.DurationMs);
    }

    [Fact]
    public async Task RunAsync_StaysHealthyButRecordsIt_WhenOnlyTheCleanupStepFails()
    {
        probes.On("/logout", Fail(ErrorKind.Connect, "connection refused (shop.test:443)"));

        var result = await RunAsync(TestChecks.Journey());

        Assert.Equal(CheckOutcome.Healthy, result.Outcome);
        var logout = result.Steps[^1];
        Assert.Equal(StepOutcome.Failed, logout.Outcome);
        Assert.Equal(ErrorKind.Connect, logout.ErrorKind);
        Assert.Equal("connection refused (shop.test:443)", logout.Message);
    }

    public static TheoryData<string, string, ErrorKind, string> Failures => new()
    {
        { "dns", "login", ErrorKind.Dns, "could not resolve shop.test" },
        { "timeout", "cart", ErrorKind.Timeout, "no response within 10000 ms" },
        { "tls", "login", ErrorKind.Tls, "TLS handshake failed: RemoteCertificateChainErrors" },
        { "explicit-status", "login", ErrorKind.HttpStatus, "status 401, expected 200: {}" },
        { "implicit-status", "checkout", ErrorKind.HttpStatus, "status 404, expected less than 400: gone" },
        { "status-beats-extraction", "login", ErrorKind.HttpStatus, "status 500, expected 200: <html>error</html>" },
        { "json-assertion", "cart", ErrorKind.Assertion, "$.items was 0, expected greater than 0" },
        { "extraction", "login", ErrorKind.Extraction, "extract token: $.token not found in the body" },
        { "missing-variable", "checkout", ErrorKind.Extraction, "Variable 'orderId' is not set." },
        { "missing-environment", "login", ErrorKind.Extraction, "variable apiKey: Environment variable 'SHOP_API_KEY' is not set." },
        { "url-not-http", "login", ErrorKind.Extraction, "URL 'ftp://shop.test/login' is not an absolute http(s) URL" },
        { "url-not-absolute", "login", ErrorKind.Extraction, "URL 'shop.test/login' is not an absolute http(s) URL" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task RunAsync_ClassifiesTheFailure_WhenAStepGoesWrong(string scenario, string failedStep, ErrorKind kind, string message)
    {
        var check = TestChecks.Journey();
        switch (scenario)
        {
            case "dns": probes.On("/login", Fail(ErrorKind.Dns, "could not resolve shop.test")); break;
            case "timeout": probes.On("/cart/c9", Fail(ErrorKind.Timeout, "no response within 10000 ms", 10_000)); break;
            case "tls": probes.On("/login", Fail(ErrorKind.Tls, "TLS handshake failed: RemoteCertificateChainErrors")); break;
            case "explicit-status": probes.On("/login", Respond(401, "{}")); break;
            case "implicit-status": probes.On("/checkout", Respond(404, "gone")); break;
            case "status-beats-extraction": probes.On("/login", Respond(500, "<html>error</html>")); break;
            case "json-assertion": probes.On("/cart/c9", Respond(200, """{"items":0}""")); break;
            case "extraction": probes.On("/login", Respond(200, """{"cartId":"c9"}""")); break;
            case "missing-variable": check = check.WithStep("checkout", s => s with { Url = Template.Parse("{{baseUrl}}/orders/{{orderId}}") }); break;
            case "missing-environment": check = check with { Variables = [.. check.Variables, TestChecks.Variable("apiKey", "${env:SHOP_API_KEY}")] }; break;
            case "url-not-http": check = check with { Variables = [TestChecks.Variable("baseUrl", "ftp://shop.test"), TestChecks.Variable("user", "demo")] }; break;
            case "url-not-absolute": check = check with { Variables = [TestChecks.Variable("baseUrl", "shop.test"), TestChecks.Variable("user", "demo")] }; break;
            default: throw new ArgumentOutOfRangeException(nameof(scenario));
        }

        var result = await RunAsync(check);

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Equal(failedStep, result.FailedStep);
        Assert.Equal(kind, result.ErrorKind);
        Assert.Equal(message, result.Message);
        var failed = Assert.Single(result.Steps, s => s.Outcome == StepOutcome.Failed && !s.Cleanup);
        Assert.Equal(failedStep, failed.Name);
        Assert.Equal(kind, failed.ErrorKind);
        Assert.NotEqual(StepOutcome.Skipped, result.Steps[^1].Outcome); // the cleanup step still ran
    }

    [Fact]
    public async Task RunAsync_DoesNotSendTheStep_WhenAVariableIsMissing()
    {
        var check = TestChecks.Journey().WithStep("checkout", s => s with { Url = Template.Parse("{{baseUrl}}/orders/{{orderId}}") });

        await RunAsync(check);

        Assert.DoesNotContain(probes.PathsRequested, p => p.StartsWith("/orders", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_IsDegradedAndContinues_WhenAStepIsSlowerThanItsLimit()
    {
        probes.On("/cart/c9", Respond(200, """{"items":2}""", 300));
        var check = TestChecks.Journey().WithStep("cart", s => s with { DegradedAfter = TimeSpan.FromMilliseconds(200) });

        var result = await RunAsync(check);

        Assert.Equal(CheckOutcome.Degraded, result.Outcome);
        Assert.True(result.Success);
        Assert.Equal("cart: took 300 ms, degraded after 200 ms", result.Message);
        Assert.Equal(["Passed", "Degraded", "Passed", "Passed"], result.Steps.Select(s => s.Outcome.ToString()));
        Assert.Null(result.FailedStep);
        Assert.Null(result.ErrorKind);
    }

    [Fact]
    public async Task RunAsync_IsDegraded_WhenTheWholeRunIsSlowerThanTheCheckLimit()
    {
        probes.On("/checkout", Respond(200, "ok", 2852));

        var result = await RunAsync(TestChecks.Journey() with { DegradedAfter = TimeSpan.FromMilliseconds(1500) });

        Assert.Equal(CheckOutcome.Degraded, result.Outcome);
        Assert.Equal("took 3012 ms, degraded after 1500 ms", result.Message);
        Assert.All(result.Steps, s => Assert.Equal(StepOutcome.Passed, s.Outcome));
    }

    [Fact]
    public async Task RunAsync_IsDegradedAndContinues_WhenADegradeOnlyAssertionFails()
    {
        var check = TestChecks.Journey().WithStep("login", s => s with
        {
            Assertions = [.. s.Assertions, TestChecks.Assert(AssertionTarget.Latency, null, AssertionOperator.LessThan, "80", AssertionSeverity.Degrade)],
        });

        var result = await RunAsync(check);

        Assert.Equal(CheckOutcome.Degraded, result.Outcome);
        Assert.Equal("login: latency 100 ms, expected less than 80 ms", result.Message);
        Assert.Equal(StepOutcome.Degraded, result.Steps[0].Outcome);
        Assert.Equal(["/login", "/cart/c9", "/checkout", "/logout"], probes.PathsRequested);
    }

    [Fact]
    public async Task RunAsync_IsHealthy_WhenACleanupStepIsSlow()
    {
        probes.On("/logout", Respond(204, string.Empty, 5000));
        var check = TestChecks.Journey() with { DegradedAfter = TimeSpan.FromSeconds(1) };
        check = check.WithStep("logout", s => s with { DegradedAfter = TimeSpan.FromMilliseconds(100) });

        var result = await RunAsync(check);

        Assert.Equal(CheckOutcome.Healthy, result.Outcome);
    }

    [Fact]
    public async Task RunAsync_RedactsEnvironmentValues_WhenTheTargetEchoesThemBack()
    {
        probes.On("/login", Respond(200, $$"""{"error":"bad password {{TestChecks.Password}} for demo"}"""));
        var check = TestChecks.Journey().WithStep("login", s => s with
        {
            Extractions = [],
            Assertions = [TestChecks.Assert(AssertionTarget.Body, null, AssertionOperator.NotContains, "error")],
        });

        var result = await RunAsync(check);

        Assert.Equal(ErrorKind.Assertion, result.ErrorKind);
        Assert.Equal("body was '{\"error\":\"bad password *** for demo\"}', expected not to contain 'error'", result.Message);
        Assert.All(result.Steps, s => Assert.DoesNotContain(TestChecks.Password, s.Message ?? string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_RedactsEnvironmentValues_WhenABadUrlHoldsOne()
    {
        var check = TestChecks.Journey().WithStep("login", s => s with { Url = Template.Parse("shop.test/login?key=${env:SHOP_PASSWORD}") });

        var result = await RunAsync(check);

        Assert.Equal("URL 'shop.test/login?key=***' is not an absolute http(s) URL", result.Message);
    }

    [Fact]
    public async Task RunAsync_RedactsBeforeShortening_WhenASecretStraddlesTheLengthLimit()
    {
        // The secret starts 2 characters before the cut: shortening first would leave "s3" behind.
        probes.On("/login", Fail(ErrorKind.Connect, new string('x', CheckRunner.MaxMessageLength - 5) + TestChecks.Password + new string('z', 500)));
        var check = TestChecks.Journey().WithStep("login", s => s with { Url = Template.Parse("{{baseUrl}}/login?p=${env:SHOP_PASSWORD}") });

        var result = await RunAsync(check);

        Assert.Equal(CheckRunner.MaxMessageLength, result.Message!.Length);
        Assert.EndsWith("x**...", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3", result.Message, StringComparison.Ordinal);
        Assert.Equal(result.Message, result.Steps[0].Message);
    }

    [Fact]
    public async Task RunAsync_QuotesRedactedErrorBody_WhenASecretStraddlesTheExcerptCut()
    {
        // The secret starts 3 characters before the excerpt's end: cutting first would keep "s3c".
        probes.On("/login", Respond(500, new string('x', CheckRunner.BodyExcerptLength - 3) + TestChecks.Password + " and more"));

        var result = await RunAsync(TestChecks.Journey());

        Assert.Equal(ErrorKind.HttpStatus, result.ErrorKind);
        Assert.StartsWith("status 500, expected 200: xxx", result.Message, StringComparison.Ordinal);
        Assert.EndsWith("x***...", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestChecks.Password[..3], result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_QuotesErrorBodyOnOneLine_WhenItSpansLines()
    {
        probes.On("/login", Respond(503, "Service\n   Unavailable\r\n\tretry later"));

        var result = await RunAsync(TestChecks.Journey());

        Assert.Equal("status 503, expected 200: Service Unavailable retry later", result.Message);
    }

    [Fact]
    public async Task RunAsync_CapsEachStepTimeout_ByTheTimeLeftInTheRun()
    {
        probes.On("/login", Respond(200, """{"token":"tok-123","cartId":"c9"}""", 1500));

        await RunAsync(TestChecks.Journey() with { MaxDuration = TimeSpan.FromSeconds(2) });

        Assert.Equal(TimeSpan.FromSeconds(2), probes.Requests[0].Timeout);
        Assert.Equal(TimeSpan.FromMilliseconds(500), probes.Requests[1].Timeout);
    }

    [Fact]
    public async Task RunAsync_FailsWithTimeoutAndDoesNotRetry_WhenTheMaxDurationIsUsedUp()
    {
        probes.On("/login", Respond(200, """{"token":"tok-123","cartId":"c9"}""", 2500));

        var result = await RunAsync(TestChecks.Journey() with { MaxDuration = TimeSpan.FromSeconds(2), Retries = 3 });

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Equal(1, result.Attempts);
        Assert.Equal("cart", result.FailedStep);
        Assert.Equal(ErrorKind.Timeout, result.ErrorKind);
        Assert.Equal("not started: the run's max duration of 2000 ms was used up", result.Message);
        Assert.Equal(["/login"], probes.PathsRequested);
    }

    [Fact]
    public async Task RunAsync_DoesNotRetry_WhenTheBackoffWouldOutlastTheRun()
    {
        probes.On("/login", Respond(500, "down", 900));
        var runner = new CheckRunner(probes, time, new FakeEnvironment(TestChecks.Environment), redactor);

        var result = await runner.RunAsync(TestChecks.Journey() with { MaxDuration = TimeSpan.FromSeconds(1), Retries = 2 }, TestContext.Current.CancellationToken);

        Assert.Equal(1, result.Attempts);
        Assert.Equal(ErrorKind.HttpStatus, result.ErrorKind);
    }

    [Fact]
    public async Task RunAsync_WaitsTheBackoffOnTheClock_BeforeRetrying()
    {
        probes.On("/login", call => call == 1 ? Respond(500, "down") : Respond(200, """{"token":"tok-123","cartId":"c9"}"""));
        var runner = new CheckRunner(probes, time, new FakeEnvironment(TestChecks.Environment), redactor);

        var run = runner.RunAsync(TestChecks.Journey() with { Retries = 1 }, TestContext.Current.CancellationToken);

        Assert.False(run.IsCompleted);
        Assert.Single(probes.Requests, r => r.Url.AbsolutePath == "/login");
        time.Advance(CheckRunner.DefaultRetryBackoff);
        var result = await run.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(CheckOutcome.Healthy, result.Outcome);
        Assert.Equal(2, result.Attempts);
    }

    [Fact]
    public async Task RunAsync_Throws_WhenTheCallerCancels()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var runner = new CheckRunner(probes, time, new FakeEnvironment(TestChecks.Environment), redactor);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunAsync(TestChecks.Journey(), cancelled.Token));
        Assert.Empty(probes.Requests);
    }

    [Fact]
    public async Task RunAsync_ReportsTheFewestCertificateDays_AcrossResponses()
    {
        probes.On("/checkout", ProbeResultWithCertificate(TestResponses.Now.AddDays(3.9)));

        var result = await RunAsync(TestChecks.Journey());

        Assert.Equal(3, result.CertDaysLeft);
    }

    private static Ports.ProbeResult ProbeResultWithCertificate(DateTimeOffset notAfter) =>
        Ports.ProbeResult.Of(Respond(200, "ok").Response! with { CertificateNotAfter = notAfter });

    private Task<CheckRunResult> RunAsync(CheckSpec check)
    {
        var runner = new CheckRunner(probes, time, new FakeEnvironment(TestChecks.Environment), redactor) { RetryBackoff = TimeSpan.Zero };
        return runner.RunAsync(check, TestContext.Current.CancellationToken);
    }
}
