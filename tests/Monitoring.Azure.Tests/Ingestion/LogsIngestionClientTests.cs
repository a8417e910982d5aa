using System.Globalization;
using System.Text.Json.Nodes;
using Azure;
using Monitoring.Azure.Ingestion;
using Monitoring.Azure.Tests.Support;
using Xunit;

namespace Monitoring.Azure.Tests.Ingestion;

public sealed class LogsIngestionClientTests : IAsyncLifetime
{
    private const string Token = "test-token-7f3a";
    private const string RuleId = "dcr-00000000000000000000000000000001";
    private const string Stream = "Custom-MonitorCheckRun_CL";

    private static readonly DateTimeOffset Noon = new(2026, 3, 14, 12, 0, 0, TimeSpan.Zero);

    private readonly FastForwardTimeProvider clock = new(Noon);
    private readonly StaticTokenCredential credential = new(Token);
    private IngestionFake fake = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => fake = await IngestionFake.StartAsync(Token);

    public async ValueTask DisposeAsync() => await fake.DisposeAsync();

    [Fact]
    public async Task UploadAsync_SendsEveryBodyWithinOneMegabyteBothWays_WhenRowsFillSeveralBatches()
    {
        var rows = Rows(120, payloadBytes: 30_000);
        var client = Client();

        await client.UploadAsync(RuleId, Stream, rows, Cancellation);

        var calls = fake.Requests;
        Assert.True(calls.Count >= 4, $"3.6 MB of rows should take at least 4 calls, took {calls.Count}.");
        Assert.All(calls, call =>
        {
            Assert.Equal(204, call.Status);
            Assert.InRange(call.CompressedBytes, 1, LogsIngestionClient.MaxBatchBytes);
            Assert.InRange(call.UncompressedBytes!.Value, 1, LogsIngestionClient.MaxBatchBytes);
        });
        Assert.Equal(Ids(rows), Ids(fake.RowsOf(Stream)));
    }

    [Fact]
    public async Task UploadAsync_SendsTheWireFormat_WhenCalled()
    {
        var client = Client();

        await client.UploadAsync(RuleId, Stream, Rows(3, payloadBytes: 10), Cancellation);
        await client.UploadAsync(RuleId, Stream, Rows(3, payloadBytes: 10), Cancellation);

        Assert.All(fake.Requests, call =>
        {
            Assert.Equal(RuleId, call.RuleId);
            Assert.Equal(Stream, call.Stream);
            Assert.Equal("Bearer " + Token, call.Authorization);
            Assert.Equal("application/json", call.ContentType);
            Assert.Equal("gzip", call.ContentEncoding);
            Assert.False(string.IsNullOrEmpty(call.ClientRequestId));
        });
        Assert.Equal(2, fake.Requests.Select(call => call.ClientRequestId).Distinct().Count());
        Assert.All(credential.Scopes, scope => Assert.Equal("https://monitor.azure.com//.default", scope));
        Assert.NotEmpty(credential.Scopes);
    }

    [Fact]
    public async Task UploadAsync_WaitsExactlyAsLongAsRetryAfterSays_WhenThrottledOrUnavailable()
    {
        // The 503 comes after the 7-second wait, so its date is 11 seconds past that.
        var retryAt = Noon.AddSeconds(7 + 11).ToString("r", CultureInfo.InvariantCulture);
        fake.Script(IngestionFault.Throttled("7"), IngestionFault.Unavailable(retryAt));
        var rows = Rows(5, payloadBytes: 100);

        await Client().UploadAsync(RuleId, Stream, rows, Cancellation);

        Assert.Equal([TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(11)], clock.Delays);
        Assert.Equal([429, 503, 204], fake.Requests.Select(call => call.Status));
        Assert.Equal(Ids(rows), Ids(fake.RowsOf(Stream)));
    }

    [Fact]
    public async Task UploadAsync_BacksOffExponentiallyWithJitter_WhenTheServiceFailsWithoutRetryAfter()
    {
        fake.Script(IngestionFault.ServerError(500), IngestionFault.ServerError(502), IngestionFault.ServerError(504), IngestionFault.ServerError(408), IngestionFault.Unavailable());
        var options = Options();
        options.Retry.Delay = TimeSpan.FromSeconds(2);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(20);

        await Client(options).UploadAsync(RuleId, Stream, Rows(1, payloadBytes: 10), Cancellation);

        var delays = clock.Delays;
        Assert.Equal(5, delays.Count);
        double[] nominal = [2, 4, 8, 16, 20];
        for (var i = 0; i < nominal.Length; i++)
        {
            Assert.InRange(delays[i].TotalSeconds, Math.Min(nominal[i] * 0.8, 20), Math.Min(nominal[i] * 1.2, 20));
        }
    }

    [Fact]
    public async Task UploadAsync_SplitsTheBatchInHalfUntilItFits_WhenTheServiceAnswers413()
    {
        fake.LimitBytes = 50_000;
        var rows = Rows(40, payloadBytes: 4_000);

        await Client().UploadAsync(RuleId, Stream, rows, Cancellation);

        var calls = fake.Requests;
        Assert.Contains(calls, call => call.Status == 413);
        Assert.All(calls.Where(call => call.Status == 204), call => Assert.InRange(call.UncompressedBytes!.Value, 1, 50_000));
        Assert.Equal(Ids(rows), Ids(fake.RowsOf(Stream)));
        Assert.Empty(clock.Delays);
    }

    [Fact]
    public async Task UploadAsync_ThrowsTheService413_WhenOneRowAloneExceedsTheServiceLimit()
    {
        fake.LimitBytes = 50_000;
        var rows = new[] { Row(0, 100), Row(1, 60_000), Row(2, 100) };

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Client().UploadAsync(RuleId, Stream, rows, Cancellation));

        Assert.Equal(413, error.Status);
        Assert.Equal("ContentLengthLimitExceeded", error.ErrorCode);
        Assert.Equal(["row-0"], Ids(fake.RowsOf(Stream)));
    }

    [Fact]
    public async Task UploadAsync_ThrowsArgumentExceptionNamingTheStreamAndSendsNothing_WhenARowExceedsTheBatchLimit()
    {
        var rows = new[] { Row(0, 100), Row(1, LogsIngestionClient.MaxBatchBytes) };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client().UploadAsync(RuleId, Stream, rows, Cancellation));

        Assert.Contains(Stream, error.Message, StringComparison.Ordinal);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task UploadAsync_DeliversEveryRowExactlyOnce_WhenThrottling30PercentAndDownForTwoMinutes()
    {
        var outageStart = Noon.AddSeconds(30);
        var outageEnd = outageStart.AddMinutes(2);
        fake.Seed(20260314);
        fake.ThrottleProbability = 0.3;
        fake.ThrottleRetryAfter = "3";
        fake.IsDown = () => clock.GetUtcNow() >= outageStart && clock.GetUtcNow() < outageEnd;
        var options = Options();
        options.Retry.MaxRetries = 40;
        options.RetryBudget = TimeSpan.FromMinutes(10);
        var client = Client(options);
        var sent = new List<JsonNode>();

        // A cycle every 10 seconds for 4 minutes, each with rows enough for two calls.
        for (var cycle = 0; cycle < 24; cycle++)
        {
            var rows = Rows(20, payloadBytes: 60_000, firstId: cycle * 20);
            await client.UploadAsync(RuleId, Stream, rows, Cancellation);
            sent.AddRange(rows);
            clock.Advance(TimeSpan.FromSeconds(10));
        }

        var calls = fake.Requests;
        Assert.Contains(calls, call => call.Status == 500);
        Assert.InRange(calls.Count(call => call.Status == 429), calls.Count * 0.15, calls.Count * 0.45);
        Assert.True(clock.GetUtcNow() > outageEnd, "The uploads should have outlasted the outage.");
        var received = fake.RowsOf(Stream).GroupBy(row => (string)row["RowId"]!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Ids(sent).Order(StringComparer.Ordinal), received.Keys.Order(StringComparer.Ordinal));
        Assert.All(received, pair => Assert.Equal(1, pair.Value));
    }

    [Theory]
    // Client errors are final: one call.
    [InlineData(400, "InvalidStream", 1)]
    [InlineData(403, "OperationFailed", 1)]
    [InlineData(404, "NotFound", 1)]
    // Server errors are retried until the retries run out: MaxRetries (3) + 1 calls.
    [InlineData(500, "InternalServerError", 4)]
    public async Task UploadAsync_ThrowsRequestFailedExceptionWithTheServiceCode_WhenTheServiceRejectsTheCall(int status, string code, int calls)
    {
        fake.Script([.. Enumerable.Repeat(new IngestionFault(status, code, "Rejected by the test."), 10)]);
        var options = Options();
        options.Retry.MaxRetries = 3;

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Client(options).UploadAsync(RuleId, Stream, Rows(2, 10), Cancellation));

        Assert.Equal(status, error.Status);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(calls, fake.Requests.Count);
    }

    [Fact]
    public async Task UploadAsync_GivesUpWithoutWaiting_WhenRetryAfterEndsPastTheRetryBudget()
    {
        fake.Script(IngestionFault.Throttled("600"));
        var options = Options();
        options.RetryBudget = TimeSpan.FromMinutes(5);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Client(options).UploadAsync(RuleId, Stream, Rows(1, 10), Cancellation));

        Assert.Equal(429, error.Status);
        Assert.Equal("TooManyRequests", error.ErrorCode);
        Assert.Empty(clock.Delays);
    }

    [Fact]
    public async Task UploadAsync_RetriesThenThrows_WhenTheEndpointCannotBeReached()
    {
        var closed = new Uri($"https://127.0.0.1:{ClosedPort()}/");
        var options = Options();
        options.Retry.MaxRetries = 2;
        var client = new LogsIngestionClient(closed, credential, options);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.UploadAsync(RuleId, Stream, Rows(1, 10), Cancellation));

        Assert.Equal(0, error.Status);
        Assert.Equal(2, clock.Delays.Count);
    }

    private LogsIngestionClientOptions Options() => fake.ClientOptions(clock);

    private LogsIngestionClient Client(LogsIngestionClientOptions? options = null) => new(fake.Endpoint, credential, options ?? Options());

    private static JsonNode[] Rows(int count, int payloadBytes, int firstId = 0) =>
        [.. Enumerable.Range(firstId, count).Select(id => Row(id, payloadBytes))];

    /// <summary>A row with a unique id and <paramref name="payloadBytes"/> of text that gzip cannot shrink much.</summary>
    private static JsonObject Row(int id, int payloadBytes)
    {
        var random = new Random(id);
        var bytes = new byte[(payloadBytes * 3 / 4) + 3];
        random.NextBytes(bytes);
        return new JsonObject
        {
            ["TimeGenerated"] = Noon.ToString("O", CultureInfo.InvariantCulture),
            ["RowId"] = "row-" + id.ToString(CultureInfo.InvariantCulture),
            ["Payload"] = Convert.ToBase64String(bytes)[..payloadBytes],
        };
    }

    private static List<string> Ids(IEnumerable<JsonNode> rows) => [.. rows.Select(row => (string)row["RowId"]!)];

    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
