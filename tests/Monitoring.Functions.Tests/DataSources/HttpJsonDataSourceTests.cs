using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Monitoring.Core.DataChecks;
using Monitoring.Core.Secrets;
using Monitoring.Core.Spec;
using Monitoring.Functions.DataSources;
using Monitoring.Functions.Tests.Support;
using Xunit;

namespace Monitoring.Functions.Tests.DataSources;

/// <summary>The http data source against a Kestrel server on loopback.</summary>
public sealed class HttpJsonDataSourceTests : IAsyncLifetime
{
    private const string Feed = """
        {
          "meta": {
            "updated": "2025-03-01T10:15:00+02:00",
            "updatedZ": "2025-03-01T08:15:00Z",
            "updatedFraction": "2025-03-01T08:15:00.250Z",
            "unixSeconds": 1740816900,
            "unixFloat": 1740816900.5,
            "unixMillis": 1740816900000,
            "naive": "2025-03-01T08:15:00",
            "flag": true,
            "empty": null,
            "total": 1234,
            "totalText": "1234"
          },
          "items": [
            { "id": 1, "name": "a", "price": 9.5, "tags": ["x"], "note": null },
            { "id": 2, "name": "b", "price": 10, "active": true, "note": "n", "address": { "city": "c" } },
            "not an object",
            { "id": 3, "extra": null }
          ]
        }
        """;

    private static readonly DateTimeOffset Updated = new(2025, 3, 1, 8, 15, 0, TimeSpan.Zero);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly DictionaryEnvironment environment = new();
    private readonly SecretRedactor redactor = new();
    private readonly ConcurrentQueue<string> receivedAuthorization = new();
    private readonly HttpClient client = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    private LoopbackServer server = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/feeds/orders", (HttpContext context) =>
            {
                receivedAuthorization.Enqueue(context.Request.Headers.Authorization.ToString());
                return Results.Text(Feed, "application/json");
            });
            app.MapGet("/pipelines/{name}", (string name, string state, string? started, string? ended) =>
                Results.Json(new { pipeline = name, run = new { state, started, ended } }));
            app.MapGet("/status/{code:int}", (int code, HttpContext context) =>
                Results.Text($"rejected {context.Request.Headers.Authorization}", "text/plain", statusCode: code));
            app.MapGet("/html", () => Results.Text("<html><body>maintenance</body></html>", "text/html"));
            app.MapGet("/slow", async (HttpContext context) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
                return Results.Text(Feed, "application/json");
            });
        });
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await server.DisposeAsync();
    }

    [Theory]
    [InlineData("$.meta.updated", 0)]
    [InlineData("$.meta.updatedZ", 0)]
    [InlineData("$.meta.updatedFraction", 250)]
    [InlineData("$.meta.unixSeconds", 0)]
    [InlineData("$.meta.unixFloat", 500)]
    [InlineData("$.meta.unixMillis", 0)]
    public async Task Timestamp_ReadsIsoWithAnOffsetAndUnixSecondsOrMilliseconds(string path, int milliseconds)
    {
        var observation = await ReadAsync(Source("feeds/orders", timestamp: path), LastUpdated());

        Assert.Equal(Updated.AddMilliseconds(milliseconds), observation.LastUpdated);
        Assert.Equal(TimeSpan.Zero, observation.LastUpdated!.Value.Offset);
    }

    [Fact]
    public async Task Timestamp_Null_MeansNoData()
    {
        var observation = await ReadAsync(Source("feeds/orders", timestamp: "$.meta.empty"), LastUpdated());

        Assert.Null(observation.LastUpdated);
    }

    [Theory]
    [InlineData("$.meta.naive", "timestamp path '$.meta.naive' holds \"2025-03-01T08:15:00\", not an ISO 8601 time with an offset")]
    [InlineData("$.meta.flag", "timestamp path '$.meta.flag' holds the boolean true, not a time")]
    [InlineData("$.items", "timestamp path '$.items' holds an array, not a time")]
    public async Task Timestamp_OfTheWrongForm_IsAResponseErrorNamingThePath(string path, string message)
    {
        var error = await ReadFailsAsync(Source("feeds/orders", timestamp: path), LastUpdated());

        Assert.Equal(DataSourceErrorKind.Response, error.Kind);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task Items_TheirNumberIsEveryRangesRowCount()
    {
        var now = DateTimeOffset.UtcNow;
        var request = new DataReadRequest(now, Timeout, LastUpdated: false, [new DataRange(now.AddHours(-1), now), new DataRange(now.AddDays(-7).AddHours(-1), now.AddDays(-7))], Schema: false, RunsSince: null);

        var observation = await ReadAsync(Source("feeds/orders", items: "$.items"), request);

        Assert.Equal([new DataVolume(4, null), new DataVolume(4, null)], observation.Volumes);
    }

    [Fact]
    public async Task Count_WhenGiven_IsTheRowCountInsteadOfTheItems()
    {
        var now = DateTimeOffset.UtcNow;
        var request = new DataReadRequest(now, Timeout, LastUpdated: true, [new DataRange(now.AddHours(-1), now)], Schema: false, RunsSince: null);

        var observation = await ReadAsync(Source("feeds/orders", timestamp: "$.meta.updatedZ", items: "$.items", count: "$.meta.total"), request);

        Assert.Equal([new DataVolume(1234, null)], observation.Volumes);
        Assert.Equal(Updated, observation.LastUpdated);
    }

    [Fact]
    public async Task Count_NotANumber_IsAResponseErrorNamingThePath()
    {
        var now = DateTimeOffset.UtcNow;
        var request = new DataReadRequest(now, Timeout, LastUpdated: false, [new DataRange(now.AddHours(-1), now)], Schema: false, RunsSince: null);

        var error = await ReadFailsAsync(Source("feeds/orders", count: "$.meta.totalText"), request);

        Assert.Equal(DataSourceErrorKind.Response, error.Kind);
        Assert.Equal("count path '$.meta.totalText' holds the string \"1234\", not a row count", error.Message);
    }

    [Fact]
    public async Task Items_NotAnArray_IsAResponseErrorNamingThePath()
    {
        var error = await ReadFailsAsync(Source("feeds/orders", items: "$.meta"), SchemaOnly());

        Assert.Equal(DataSourceErrorKind.Response, error.Kind);
        Assert.Equal("items path '$.meta' holds an object, not an array", error.Message);
    }

    [Fact]
    public async Task MissingPath_IsAResponseErrorNamingThePath()
    {
        var error = await ReadFailsAsync(Source("feeds/orders", timestamp: "$.meta.lastModified"), LastUpdated());

        Assert.Equal(DataSourceErrorKind.Response, error.Kind);
        Assert.Equal("timestamp path '$.meta.lastModified' matched nothing in the response from " + server.Url("feeds/orders"), error.Message);
    }

    [Fact]
    public async Task Schema_IsTheUnionOfTheItemsProperties_InFirstSeenOrder()
    {
        var observation = await ReadAsync(Source("feeds/orders", items: "$.items"), SchemaOnly());

        Assert.Equal(
            [
                new SchemaColumn("id", "number"),
                new SchemaColumn("name", "string"),
                new SchemaColumn("price", "number"),
                new SchemaColumn("tags", "array"),
                new SchemaColumn("note", "string"),
                new SchemaColumn("active", "boolean"),
                new SchemaColumn("address", "object"),
                new SchemaColumn("extra", "null"),
            ],
            observation.Schema);
        Assert.Empty(observation.Volumes);
        Assert.Null(observation.LastUpdated);
    }

    [Fact]
    public async Task Status_GivesOneRunOfThePipelineTheUrlNames()
    {
        var since = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var source = Source("pipelines/nightly-load?state=Succeeded&started=2025-03-01T02:00:00Z&ended=2025-03-01T02:40:00Z", status: "$.run.state", startedAt: "$.run.started", endedAt: "$.run.ended");

        var observation = await ReadAsync(source, Runs(since));

        var run = Assert.Single(observation.Runs);
        Assert.Equal(
            new PipelineRun("nightly-load", "Succeeded 2025-03-01T02:00:00.0000000+00:00", PipelineRunStatus.Succeeded, "Succeeded", since.AddHours(2), since.AddHours(2).AddMinutes(40)),
            run);
    }

    [Theory]
    [InlineData("Succeeded", null, null, PipelineRunStatus.Succeeded)]
    [InlineData("ok", null, null, PipelineRunStatus.Succeeded)]
    [InlineData("InProgress", null, null, PipelineRunStatus.Running)]
    [InlineData("queued", null, null, PipelineRunStatus.Running)]
    [InlineData("Failed", null, null, PipelineRunStatus.Failed)]
    [InlineData("Cancelled", null, null, PipelineRunStatus.Failed)]
    [InlineData("done", "Done", "busy", PipelineRunStatus.Succeeded)]
    [InlineData("BUSY", "Done", "busy", PipelineRunStatus.Running)]
    [InlineData("Succeeded", "Done", "busy", PipelineRunStatus.Failed)]
    public async Task Status_IsNormalisedBySuccessAndRunningValues(string state, string? success, string? running, PipelineRunStatus expected)
    {
        var source = Source($"pipelines/load?state={state}", status: "$.run.state", startedAt: "$.run.started", endedAt: "$.run.ended") with
        {
            SuccessValues = success is null ? [] : [success],
            RunningValues = running is null ? [] : [running],
        };

        var observation = await ReadAsync(source, Runs(DateTimeOffset.UtcNow.AddDays(-1)));

        var run = Assert.Single(observation.Runs);
        Assert.Equal(expected, run.Status);
        Assert.Equal(state, run.RawStatus);
        Assert.Equal(state, run.RunId);
        Assert.Null(run.Start);
        Assert.Null(run.End);
    }

    [Fact]
    public async Task Status_OfARunStartedBeforeTheRequestedInstant_IsLeftOut()
    {
        var source = Source("pipelines/load?state=Failed&started=2025-03-01T02:00:00Z", status: "$.run.state", startedAt: "$.run.started");

        var observation = await ReadAsync(source, Runs(new DateTimeOffset(2025, 3, 2, 0, 0, 0, TimeSpan.Zero)));

        Assert.Empty(observation.Runs);
    }

    [Theory]
    [InlineData(401, DataSourceErrorKind.Authentication, "answered 401 Unauthorized: the credentials were refused")]
    [InlineData(403, DataSourceErrorKind.Authentication, "answered 403 Forbidden: the credentials were refused")]
    [InlineData(404, DataSourceErrorKind.NotFound, "answered 404 Not Found: the document does not exist")]
    [InlineData(500, DataSourceErrorKind.Connection, "answered 500 Internal Server Error")]
    [InlineData(503, DataSourceErrorKind.Connection, "answered 503 Service Unavailable")]
    public async Task ErrorStatus_MapsToAKind_WithoutHeaderValuesOrSecrets(int code, DataSourceErrorKind kind, string message)
    {
        var token = "tok-" + Guid.NewGuid().ToString("N");
        var key = "key-" + Guid.NewGuid().ToString("N");
        environment["FEED_TOKEN"] = token;
        environment["FEED_KEY"] = key;
        var source = Source("status/" + code + "?key=${env:FEED_KEY}", timestamp: "$.updated") with
        {
            Headers = [new HeaderSpec("Authorization", Template.Parse("Bearer ${env:FEED_TOKEN}"))],
        };

        var error = await ReadFailsAsync(source, LastUpdated());

        Assert.Equal(kind, error.Kind);
        Assert.Equal($"{server.Url("status/" + code)}?key=${{env:FEED_KEY}} {message}", error.Message);
        AssertNoSecrets(error, token, key, "Bearer");
    }

    [Fact]
    public async Task Headers_AreRenderedAndSent()
    {
        var token = "tok-" + Guid.NewGuid().ToString("N");
        environment["FEED_TOKEN"] = token;
        var source = Source("feeds/orders", timestamp: "$.meta.updatedZ") with
        {
            Headers = [new HeaderSpec("Authorization", Template.Parse("Bearer ${env:FEED_TOKEN}"))],
        };

        var observation = await ReadAsync(source, LastUpdated());

        Assert.Equal(Updated, observation.LastUpdated);
        Assert.Equal(["Bearer " + token], receivedAuthorization);
        Assert.Equal("x ***", redactor.Redact("x " + token));
    }

    [Fact]
    public async Task MissingEnvironmentValue_FailsNamingTheVariable()
    {
        var source = Source("feeds/orders", timestamp: "$.meta.updatedZ") with
        {
            Headers = [new HeaderSpec("Authorization", Template.Parse("Bearer ${env:FEED_TOKEN}"))],
        };

        var error = await ReadFailsAsync(source, LastUpdated());

        Assert.Equal(DataSourceErrorKind.Connection, error.Kind);
        Assert.Equal($"the request to {server.Url("feeds/orders")} could not be built: Environment variable 'FEED_TOKEN' is not set.", error.Message);
        Assert.Empty(receivedAuthorization);
    }

    [Fact]
    public async Task ClosedPort_IsAConnectionError()
    {
        var url = LoopbackServer.ClosedPortUrl();
        var source = new HttpJsonSourceSpec(Template.Parse(url + "feed"), [], "$.updated", null, null, null, null, null, [], []);

        var error = await ReadFailsAsync(source, LastUpdated());

        Assert.Equal(DataSourceErrorKind.Connection, error.Kind);
        Assert.Equal($"{url}feed could not be read: connection refused ({url.Host}:{url.Port})", error.Message);
    }

    [Fact]
    public async Task SlowServer_TimesOutWithinTheTimeout()
    {
        var timeout = TimeSpan.FromMilliseconds(500);
        var stopwatch = Stopwatch.StartNew();

        var error = await ReadFailsAsync(Source("slow", timestamp: "$.meta.updatedZ"), LastUpdated() with { Timeout = timeout });

        Assert.Equal(DataSourceErrorKind.Timeout, error.Kind);
        Assert.Equal($"{server.Url("slow")} gave no answer within 500ms", error.Message);
        Assert.InRange(stopwatch.Elapsed, timeout, timeout + TimeSpan.FromSeconds(1.5));
    }

    [Fact]
    public async Task NotJson_IsAResponseError()
    {
        var error = await ReadFailsAsync(Source("html", timestamp: "$.updated"), LastUpdated());

        Assert.Equal(DataSourceErrorKind.Response, error.Kind);
        Assert.StartsWith($"the response from {server.Url("html")} is not JSON: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingAsked_StillFetchesAndChecksTheDocument()
    {
        var observation = await ReadAsync(Source("feeds/orders"), new DataReadRequest(DateTimeOffset.UtcNow, Timeout, false, [], false, null));

        Assert.Null(observation.LastUpdated);
        Assert.Empty(observation.Volumes);
        Assert.True(observation.Schema.IsDefault);
        Assert.Empty(observation.Runs);
        Assert.Single(receivedAuthorization);
    }

    private HttpJsonSourceSpec Source(
        string pathAndQuery,
        string? timestamp = null,
        string? items = null,
        string? count = null,
        string? status = null,
        string? startedAt = null,
        string? endedAt = null) =>
        new(Template.Parse(server.BaseAddress + pathAndQuery), [], timestamp, items, count, status, startedAt, endedAt, [], []);

    private static DataReadRequest LastUpdated() => new(DateTimeOffset.UtcNow, Timeout, LastUpdated: true, [], Schema: false, RunsSince: null);

    private static DataReadRequest SchemaOnly() => new(DateTimeOffset.UtcNow, Timeout, LastUpdated: false, [], Schema: true, RunsSince: null);

    private static DataReadRequest Runs(DateTimeOffset since) => new(DateTimeOffset.UtcNow, Timeout, LastUpdated: false, [], Schema: false, RunsSince: since);

    private Task<DataObservation> ReadAsync(HttpJsonSourceSpec source, DataReadRequest request) =>
        new HttpJsonDataSource(client, environment, redactor).ReadAsync(source, request, Cancellation);

    private async Task<DataSourceException> ReadFailsAsync(HttpJsonSourceSpec source, DataReadRequest request) =>
        await Assert.ThrowsAsync<DataSourceException>(() => ReadAsync(source, request));

    private static void AssertNoSecrets(DataSourceException error, params string[] secrets)
    {
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
        }
    }
}
