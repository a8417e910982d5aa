using Monitoring.Azure.Email;
using Monitoring.Azure.Tests.Support;
using Monitoring.Core.Notifications;
using Monitoring.Core.Ports;
using Xunit;

namespace Monitoring.Azure.Tests.Email;

public sealed class AcsEmailSenderTests : IAsyncLifetime
{
    private const string Token = "acs-token-3b77d0";
    private const string Sender = "DoNotReply@contoso.example";

    private static readonly DateTimeOffset Noon = new(2026, 3, 14, 12, 0, 0, TimeSpan.Zero);
    private static readonly EmailContent Content = new("[critical] 2 alerts", "checkout: failing\nlogin: failing", "<ul><li>checkout</li><li>login</li></ul>");
    private static readonly string[] Recipients = ["oncall@contoso.example", "ops@contoso.example"];

    private readonly FastForwardTimeProvider clock = new(Noon);
    private AcsEmailFake fake = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => fake = await AcsEmailFake.StartAsync(Token);

    public async ValueTask DisposeAsync() => await fake.DisposeAsync();

    [Fact]
    public async Task SendAsync_IsDelivered_WhenTheOperationSucceeds()
    {
        fake.RunningPolls = 2;

        var result = await NewSender().SendAsync(Recipients, Content, Cancellation);

        Assert.Equal(new DeliveryResult(true, 1, 200, null, TimeSpan.FromSeconds(3)), result);
        var (operationId, body) = Assert.Single(fake.Sends);
        Assert.True(Guid.TryParse(operationId, out _));
        Assert.Equal(Sender, (string?)body["senderAddress"]);
        Assert.Equal(Recipients, body["recipients"]!["to"]!.AsArray().Select(r => (string?)r!["address"]));
        Assert.Equal(Content.Subject, (string?)body["content"]!["subject"]);
        Assert.Equal(Content.PlainText, (string?)body["content"]!["plainText"]);
        Assert.Equal(Content.Html, (string?)body["content"]!["html"]);
    }

    [Fact]
    public async Task SendAsync_IsNotDeliveredWithTheErrorCode_WhenTheOperationFails()
    {
        fake.FailWith("EmailDroppedAllRecipientsSuppressed", "Every recipient is on the suppression list.");

        var result = await NewSender().SendAsync(Recipients, Content, Cancellation);

        Assert.False(result.Delivered);
        Assert.False(result.Held);
        Assert.Equal(1, result.Attempts);
        Assert.Contains("Failed: EmailDroppedAllRecipientsSuppressed", result.Error, StringComparison.Ordinal);
        Assert.Contains("suppression list", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_IsNotDeliveredWithTheCodeAndAttemptsButNoToken_WhenRetriesRunOut()
    {
        fake.Script(AcsEmailFault.Throttled("4"), AcsEmailFault.ServerError(), AcsEmailFault.ServerError());
        var options = fake.ClientOptions(clock);
        options.Retry.MaxRetries = 2;
        var sender = new AcsEmailSender(new AcsEmailClient(fake.Endpoint, new StaticTokenCredential(Token), options), Sender, clock);

        var result = await sender.SendAsync(Recipients, Content, Cancellation);

        Assert.False(result.Delivered);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(500, result.StatusCode);
        Assert.Contains("InternalServerError", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, result.Error, StringComparison.Ordinal);
        Assert.Equal(clock.Delays.Aggregate(TimeSpan.Zero, (sum, wait) => sum + wait), result.Duration);
        Assert.Equal(TimeSpan.FromSeconds(4), clock.Delays[0]);
    }

    [Fact]
    public async Task SendAsync_IsDeliveredAsAccepted_WhenTheOperationOutlastsThePollTimeout()
    {
        fake.RunningPolls = 1000;
        var options = fake.ClientOptions(clock);
        options.PollTimeout = TimeSpan.FromSeconds(10);
        var sender = new AcsEmailSender(new AcsEmailClient(fake.Endpoint, new StaticTokenCredential(Token), options), Sender, clock);

        var result = await sender.SendAsync(Recipients, Content, Cancellation);

        // Accepted is as good as sent: sending again would only duplicate it.
        Assert.True(result.Delivered);
        Assert.Single(fake.Sends);
    }

    [Fact]
    public async Task SendAsync_SendsOnce_WhenTheSameIdempotencyKeyIsSentTwice()
    {
        IEmailSender sender = NewSender();

        var first = await sender.SendAsync(Recipients, Content, "digest:payments:7f3a", Cancellation);
        var second = await sender.SendAsync(Recipients, Content, "digest:payments:7f3a", Cancellation);

        Assert.True(first.Delivered);
        Assert.True(second.Delivered);
        Assert.Equal(2, fake.Requests.Count(r => r.Method == "POST"));
        Assert.Single(fake.Sends);
    }

    [Fact]
    public async Task SendAsync_UsesAGuidKeyAsTheOperationId_WhenTheKeyIsAGuid()
    {
        var key = Guid.NewGuid();

        await NewSender().SendAsync(Recipients, Content, key.ToString("N"), Cancellation);

        Assert.Equal(key.ToString("D"), Assert.Single(fake.Sends).OperationId);
    }

    [Fact]
    public async Task SendAsync_SendsTwice_WhenCalledTwiceWithoutAKey()
    {
        var sender = NewSender();

        await sender.SendAsync(Recipients, Content, Cancellation);
        await sender.SendAsync(Recipients, Content, Cancellation);

        Assert.Equal(2, fake.Sends.Select(s => s.OperationId).Distinct().Count());
    }

    [Theory]
    // No recipients.
    [InlineData(0)]
    // One more than ACS takes in a message.
    [InlineData(51)]
    public async Task SendAsync_IsNotDeliveredWithoutSending_WhenTheRecipientCountIsOutOfRange(int count)
    {
        var recipients = Enumerable.Range(0, count).Select(i => $"r{i}@contoso.example").ToList();

        var result = await NewSender().SendAsync(recipients, Content, Cancellation);

        Assert.False(result.Delivered);
        Assert.Equal(0, result.Attempts);
        Assert.NotNull(result.Error);
        Assert.Empty(fake.Requests);
    }

    private AcsEmailSender NewSender() =>
        new(new AcsEmailClient(fake.Endpoint, new StaticTokenCredential(Token), fake.ClientOptions(clock)), Sender, clock);
}
