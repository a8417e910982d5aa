using System.Text.Json.Nodes;
using Azure;
using Monitoring.Azure.Email;
using Monitoring.Azure.Tests.Support;
using Xunit;

namespace Monitoring.Azure.Tests.Email;

public sealed class AcsEmailClientTests : IAsyncLifetime
{
    private const string Token = "acs-token-9c1e42";
    private const string Sender = "DoNotReply@contoso.example";

    private static readonly DateTimeOffset Noon = new(2026, 3, 14, 12, 0, 0, TimeSpan.Zero);

    private readonly FastForwardTimeProvider clock = new(Noon);
    private readonly StaticTokenCredential credential = new(Token);
    private AcsEmailFake fake = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => fake = await AcsEmailFake.StartAsync(Token);

    public async ValueTask DisposeAsync() => await fake.DisposeAsync();

    [Fact]
    public async Task SendAsync_ReturnsSucceeded_WhenTheOperationRunsForSomePollsFirst()
    {
        fake.RunningPolls = 3;
        var id = NewId();

        var operation = await Client().SendAsync(Message(), id, Cancellation);

        Assert.Equal(new AcsEmailOperation(id, AcsEmailStatus.Succeeded, null, null, 1, 200), operation);
        Assert.Equal(["POST", "GET", "GET", "GET", "GET"], fake.Requests.Select(r => r.Method));
        Assert.All(fake.Requests.Skip(1), r => Assert.Equal("/emails/operations/" + id, r.Path));

        // The 202 and each Running poll ask for Retry-After: 1.
        Assert.Equal(Enumerable.Repeat(TimeSpan.FromSeconds(1), 4), clock.Delays);
        Assert.Single(fake.Sends);
    }

    [Fact]
    public async Task SendAsync_SendsTheWireFormat_WhenCalled()
    {
        var id = NewId();

        await Client().SendAsync(Message(), id, Cancellation);

        Assert.All(fake.Requests, r =>
        {
            Assert.Equal("Bearer " + Token, r.Authorization);
            Assert.Equal("2023-03-31", r.ApiVersion);
        });
        Assert.Equal(id, fake.Requests[0].OperationId);
        Assert.Equal("/emails:send", fake.Requests[0].Path);
        var (operationId, body) = Assert.Single(fake.Sends);
        Assert.Equal(id, operationId);
        var expected = JsonNode.Parse("""
            {
              "senderAddress": "DoNotReply@contoso.example",
              "recipients": { "to": [ { "address": "oncall@contoso.example", "displayName": "On call" }, { "address": "ops@contoso.example" } ] },
              "content": { "subject": "[critical] checkout is failing", "plainText": "checkout: 3 failures", "html": "<p>checkout: 3 failures</p>" }
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, body), body.ToJsonString());
        Assert.NotEmpty(credential.Scopes);
        Assert.All(credential.Scopes, scope => Assert.Equal("https://communication.azure.com//.default", scope));
    }

    [Fact]
    public async Task SendAsync_WaitsAsLongAsRetryAfterSays_WhenTheSendAndAPollAreThrottled()
    {
        fake.OperationRetryAfter = "2";
        fake.Script(AcsEmailFault.Throttled("7"), null, AcsEmailFault.Throttled("5"));

        var operation = await Client().SendAsync(Message(), NewId(), Cancellation);

        Assert.Equal(AcsEmailStatus.Succeeded, operation.Status);
        Assert.Equal(2, operation.SendAttempts);
        Assert.Equal([429, 202, 429, 200], fake.Requests.Select(r => r.Status));

        // 7 s for the throttled send, the 202's 2 s before the first poll, 5 s for the throttled poll.
        Assert.Equal([TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)], clock.Delays);
        Assert.Single(fake.Sends);
    }

    [Fact]
    public async Task SendAsync_PollsAtThePollInterval_WhenTheServiceSendsNoRetryAfter()
    {
        fake.OperationRetryAfter = null;
        fake.RunningPolls = 1;
        var options = fake.ClientOptions(clock);
        options.PollInterval = TimeSpan.FromSeconds(3);

        var operation = await new AcsEmailClient(fake.Endpoint, credential, options).SendAsync(Message(), NewId(), Cancellation);

        Assert.Equal(AcsEmailStatus.Succeeded, operation.Status);
        Assert.Equal([TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3)], clock.Delays);
    }

    [Fact]
    public async Task SendAsync_BacksOffWithJitter_WhenTheServiceFailsTransiently()
    {
        fake.Script(AcsEmailFault.ServerError(), AcsEmailFault.ServerError(503));

        var operation = await Client().SendAsync(Message(), NewId(), Cancellation);

        Assert.Equal(AcsEmailStatus.Succeeded, operation.Status);
        Assert.Equal(3, operation.SendAttempts);
        Assert.InRange(clock.Delays[0], TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(1.2));
        Assert.InRange(clock.Delays[1], TimeSpan.FromSeconds(1.6), TimeSpan.FromSeconds(2.4));
        Assert.Single(fake.Sends);
    }

    [Fact]
    public async Task SendAsync_DeliversOnce_WhenTheSendsAnswerIsLostAndTheSendRetried()
    {
        var id = NewId();
        fake.Script(AcsEmailFault.LostAnswer());

        var operation = await Client().SendAsync(Message(), id, Cancellation);

        Assert.Equal(AcsEmailStatus.Succeeded, operation.Status);
        Assert.Equal(2, operation.SendAttempts);
        var posts = fake.Requests.Where(r => r.Method == "POST").ToList();
        Assert.Equal([0, 202], posts.Select(r => r.Status));
        Assert.All(posts, r => Assert.Equal(id, r.OperationId));
        Assert.Equal(id, Assert.Single(fake.Sends).OperationId);
    }

    [Fact]
    public async Task SendAsync_DeliversOnce_WhenCalledAgainWithTheSameOperationId()
    {
        var id = NewId();
        var client = Client();

        await client.SendAsync(Message(), id, Cancellation);
        var again = await client.SendAsync(Message(), id.ToUpperInvariant(), Cancellation);

        Assert.Equal(AcsEmailStatus.Succeeded, again.Status);
        Assert.Equal(2, fake.Requests.Count(r => r.Method == "POST"));
        Assert.Single(fake.Sends);
    }

    [Fact]
    public async Task SendAsync_ReturnsFailedWithTheServiceCode_WhenTheOperationFails()
    {
        fake.RunningPolls = 1;
        fake.FailWith("EmailDroppedAllRecipientsSuppressed", "Every recipient is on the suppression list.");
        var id = NewId();

        var operation = await Client().SendAsync(Message(), id, Cancellation);

        Assert.Equal(new AcsEmailOperation(id, AcsEmailStatus.Failed, "EmailDroppedAllRecipientsSuppressed", "Every recipient is on the suppression list.", 1, 200), operation);
    }

    [Fact]
    public async Task SendAsync_ReturnsTheOperationStillRunning_WhenThePollTimeoutRunsOut()
    {
        fake.RunningPolls = 1000;
        var options = fake.ClientOptions(clock);
        options.PollTimeout = TimeSpan.FromSeconds(5);

        var operation = await new AcsEmailClient(fake.Endpoint, credential, options).SendAsync(Message(), NewId(), Cancellation);

        Assert.Equal(AcsEmailStatus.Running, operation.Status);
        Assert.False(operation.IsTerminal);
        Assert.Equal(Enumerable.Repeat(TimeSpan.FromSeconds(1), 5), clock.Delays);
        Assert.Equal(5, fake.Requests.Count(r => r.Method == "GET"));
    }

    [Fact]
    public async Task SendAsync_ThrowsWithTheServiceCodeAndNoToken_WhenRetriesRunOut()
    {
        fake.Script(AcsEmailFault.ServerError(), AcsEmailFault.ServerError(), AcsEmailFault.ServerError());
        var options = fake.ClientOptions(clock);
        options.Retry.MaxRetries = 2;

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() =>
            new AcsEmailClient(fake.Endpoint, credential, options).SendAsync(Message(), NewId(), Cancellation));

        Assert.Equal(500, failure.Status);
        Assert.Equal("InternalServerError", failure.ErrorCode);
        Assert.Equal(3, failure.Data[AcsEmailClient.SendAttemptsDataKey]);
        Assert.DoesNotContain(Token, failure.ToString(), StringComparison.Ordinal);
        Assert.Empty(fake.Sends);
    }

    [Fact]
    public async Task SendAsync_ThrowsUnauthorizedWithoutEitherToken_WhenTheTokenIsRefused()
    {
        const string WrongToken = "acs-wrong-token-51d0";
        var client = new AcsEmailClient(fake.Endpoint, new StaticTokenCredential(WrongToken), fake.ClientOptions(clock));

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => client.SendAsync(Message(), NewId(), Cancellation));

        Assert.Equal(401, failure.Status);
        Assert.Equal("Unauthorized", failure.ErrorCode);
        Assert.DoesNotContain(WrongToken, failure.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, failure.ToString(), StringComparison.Ordinal);
        Assert.Single(fake.Requests);
    }

    [Theory]
    // Not a GUID: the service would refuse it as an Operation-Id.
    [InlineData("digest-42")]
    [InlineData("")]
    public async Task SendAsync_ThrowsBeforeSending_WhenTheOperationIdIsNotAGuid(string id)
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Client().SendAsync(Message(), id, Cancellation));

        Assert.Empty(fake.Requests);
    }

    private static string NewId() => Guid.NewGuid().ToString("D");

    private static AcsEmailMessage Message() => new(
        Sender,
        [new AcsEmailAddress("oncall@contoso.example", "On call"), new AcsEmailAddress("ops@contoso.example")],
        "[critical] checkout is failing",
        "checkout: 3 failures",
        "<p>checkout: 3 failures</p>");

    private AcsEmailClient Client() => new(fake.Endpoint, credential, fake.ClientOptions(clock));
}
