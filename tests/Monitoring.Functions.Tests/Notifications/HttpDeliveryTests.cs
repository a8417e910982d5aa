using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Monitoring.Core.Notifications;
using Monitoring.Core.Secrets;
using Monitoring.Functions.Notifications;
using Monitoring.Functions.Tests.Support;
using Xunit;

namespace Monitoring.Functions.Tests.Notifications;

/// <summary>Teams and webhook deliveries against a local HTTPS receiver with a certificate made in the test.</summary>
public sealed class HttpDeliveryTests : IAsyncLifetime
{
    // The Workflows URL's signature is a secret: it must show up nowhere but the request line.
    private const string Signature = "sig-9f3K2Lq7ZxYw0bV8sT1uN6";

    private static readonly DeliveryPolicy FastPolicy = new(3, TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5));

    private readonly SecretRedactor redactor = new();
    private RecordingReceiver receiver = null!;
    private HttpClient client = null!;

    public async ValueTask InitializeAsync()
    {
        receiver = await RecordingReceiver.StartAsync();
        client = receiver.TrustingClient();
        redactor.Register(Signature);
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await receiver.DisposeAsync();
    }

    [Fact]
    public async Task Teams_PostsTheAdaptiveCardOnce_WhenTheEndpointAccepts()
    {
        var result = await Teams().DeliverAsync(Message(), TestContext.Current.CancellationToken);

        Assert.True(result.Delivered);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(202, result.StatusCode);
        var request = Assert.Single(receiver.Requests);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.Equal($"/workflows/alerts?sig={Signature}", request.PathAndQuery);
        Assert.Equal(NotificationJson.Serialize(TeamsCardBuilder.Build(Message())), request.Body);
    }

    [Fact]
    public async Task Webhook_SendsItsHeadersAndTheGenericPayload()
    {
        var webhook = new WebhookChannel("ops-webhook", receiver.Url("/hooks/ops"), [new("X-Source", "monitoring")], Delivery());

        var result = await webhook.DeliverAsync(Message(), TestContext.Current.CancellationToken);

        Assert.True(result.Delivered);
        var request = Assert.Single(receiver.Requests);
        Assert.Equal("monitoring", request.Headers["X-Source"]);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("firing", (string?)body["status"]);
        Assert.Equal("check:checkout", (string?)body["alerts"]![0]!["key"]);
    }

    [Fact]
    public async Task Delivery_WaitsForRetryAfter_WhenTheEndpointThrottlesWith429()
    {
        receiver.ThenAnswer(429, retryAfter: "1");

        var result = await Teams().DeliverAsync(Message(), TestContext.Current.CancellationToken);

        Assert.True(result.Delivered);
        Assert.Equal(2, result.Attempts);
        var requests = receiver.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        // Retry-After says 1 s; allow for clock granularity, and stay well below the next backoff step.
        Assert.InRange(requests[1].At - requests[0].At, TimeSpan.FromMilliseconds(950), TimeSpan.FromSeconds(3));
        Assert.Equal(requests[0].Body, requests[1].Body);
    }

    [Theory]
    // Transient server answers are retried with backoff until one succeeds.
    [InlineData(503)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(408)]
    public async Task Delivery_RetriesWithBackoff_WhenTheEndpointFailsTransiently(int status)
    {
        receiver.ThenAnswer(status).ThenAnswer(status);

        var result = await Teams().DeliverAsync(Message(), TestContext.Current.CancellationToken);

        Assert.True(result.Delivered);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, receiver.Requests.Count);
    }

    [Fact]
    public async Task Delivery_GivesUpAfterMaxAttempts_WhenTheEndpointKeepsFailing()
    {
        receiver.ThenAnswer(500).ThenAnswer(500).ThenAnswer(500).ThenAnswer(500);

        var result = await Teams().DeliverAsync(Message(), TestContext.Current.CancellationToken);

        Assert.False(result.Delivered);
        Assert.Equal(FastPolicy.MaxAttempts, result.Attempts);
        Assert.Equal(500, result.StatusCode);
        Assert.Equal("the endpoint answered 500 Internal Server Error", result.Error);
    }

    [Theory]
    // Client errors are final: the same request would fail again.
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(413)]
    public async Task Delivery_DoesNotRetry_WhenTheEndpointRejectsTheRequest(int status)
    {
        receiver.ThenAnswer(status);

        var result = await Teams().DeliverAsync(Message(), TestContext.Current.CancellationToken);

        Assert.False(result.Delivered);
        Assert.Equal(1, result.Attempts);
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task Delivery_GivesUpAtOnce_WhenRetryAfterIsLongerThanThePolicyAllows()
    {
        receiver.ThenAnswer(503, retryAfter: "120");

        var result = await Teams().DeliverAsync(Message(), TestContext.Current.CancellationToken);

        Assert.False(result.Delivered);
        Assert.Equal(1, result.Attempts);
    }

    [Fact]
    public async Task Delivery_ReportsUnreachable_WithoutTheUrl_WhenNothingListens()
    {
        var closed = LoopbackServer.ClosedPortUrl();
        var channel = new TeamsChannel("teams", new Uri(closed, $"/workflows?sig={Signature}"), Delivery());

        var result = await channel.DeliverAsync(Message(), TestContext.Current.CancellationToken);

        Assert.False(result.Delivered);
        Assert.Equal(FastPolicy.MaxAttempts, result.Attempts);
        Assert.StartsWith("the endpoint could not be reached", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(closed.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delivery_RefusesTheSelfSignedCertificate_WhenTheClientDoesNotTrustIt()
    {
        using var ordinaryClient = new HttpClient();
        var channel = new TeamsChannel("teams", receiver.Url($"/workflows/alerts?sig={Signature}"), new HttpJsonDelivery(ordinaryClient, FastPolicy, TimeProvider.System, redactor));

        var result = await channel.DeliverAsync(Message(), TestContext.Current.CancellationToken);

        Assert.False(result.Delivered);
        Assert.Empty(receiver.Requests);
        Assert.Contains("SecureConnectionError", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Payloads_HoldNoSecret_WhenDeliveredThroughEveryHttpChannel()
    {
        receiver.ThenAnswer(503).ThenAnswer(429, retryAfter: "0");
        var webhook = new WebhookChannel("webhook", receiver.Url($"/hooks?token={Signature}"), [], Delivery());

        var teams = await Teams().DeliverAsync(Message(), TestContext.Current.CancellationToken);
        var generic = await webhook.DeliverAsync(Message(), TestContext.Current.CancellationToken);

        Assert.True(teams.Delivered && generic.Delivered);
        Assert.All(receiver.Requests, r => Assert.DoesNotContain(Signature, r.Body, StringComparison.Ordinal));
        Assert.All(receiver.Requests, r => Assert.DoesNotContain(Signature, string.Join('\n', r.Headers.Values), StringComparison.Ordinal));
    }

    private TeamsChannel Teams() => new("oncall-teams", receiver.Url($"/workflows/alerts?sig={Signature}"), Delivery());

    private HttpJsonDelivery Delivery() => new(client, FastPolicy, TimeProvider.System, redactor);

    private static NotificationMessage Message() => new("route:default/service:shop",
    [
        new Notification(NotificationKind.Firing, "check:checkout", "checkout failing", Severities.Critical, "shop", "web-platform",
            "Journey checkout failed 3 runs in a row at step checkout (http-status).", "status 500, expected 201",
            new DateTimeOffset(2026, 11, 23, 9, 58, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 23, 10, 1, 0, TimeSpan.Zero),
            new Uri("https://runbooks.example.com/shopflow#checkout"), null, ImmutableSortedDictionary<string, string>.Empty),
    ]);
}
