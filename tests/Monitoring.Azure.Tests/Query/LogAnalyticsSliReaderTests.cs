using Azure;
using Monitoring.Azure.Query;
using Monitoring.Azure.Tests.Support;
using Monitoring.Core.Slo;
using Monitoring.Core.Spec;
using Xunit;

namespace Monitoring.Azure.Tests.Query;

/// <summary>The SLI reader and its query client against a local HTTPS fake of the Query API.</summary>
public sealed class LogAnalyticsSliReaderTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan[] Windows = [TimeSpan.FromMinutes(5), TimeSpan.FromHours(1)];

    private readonly StaticTokenCredential credential = new("query-token");
    private QueryFake fake = null!;

    [Fact]
    public async Task ReadAsync_SendsOneQueryForEverySlo_AndMapsItsRowsToWindowCounts()
    {
        fake.Answer = (["Slo", "T0", "G0", "T1", "G1"], [[0, 5, 4, 60, 58], [1, 5, 5, 60, 57], [2, 30, 30, 300, 299]]);
        SliQuery[] queries =
        [
            new("checkout-availability", new AvailabilitySli("checkout"), SloBudgeting.Occurrences),
            new("orders-fresh", new FreshnessSli("orders-feed"), SloBudgeting.Timeslices),
            new("search-latency", new LatencySli("search", TimeSpan.FromSeconds(1), DegradedIsBad: false), SloBudgeting.Occurrences),
        ];

        var counts = await Reader().ReadAsync(queries, Now, Windows, TestContext.Current.CancellationToken);

        var request = Assert.Single(fake.Requests);
        Assert.Equal(("workspace-1", "Bearer query-token", "wait=180", "PT2H"), (request.Workspace, request.Authorization, request.Prefer, request.Timespan));
        Assert.Contains("CheckName == \"checkout\"", request.Query, StringComparison.Ordinal);
        Assert.Contains("CheckName == \"search\"", request.Query, StringComparison.Ordinal);
        Assert.Contains("MonitorDataCheck_CL | where CheckName == \"orders-feed\" and Kind == \"freshness\"", request.Query, StringComparison.Ordinal);
        Assert.Equal(new WindowCounts(4, 5), counts[0][TimeSpan.FromMinutes(5)]);
        Assert.Equal(new WindowCounts(58, 60), counts[0][TimeSpan.FromHours(1)]);
        Assert.True(counts[1].IsEvaluable);
        Assert.Equal(new WindowCounts(57, 60), counts[1][TimeSpan.FromHours(1)]);
        Assert.Equal(new WindowCounts(299, 300), counts[2][TimeSpan.FromHours(1)]);
        Assert.Equal(["https://api.loganalytics.io//.default"], credential.Scopes.Distinct());
    }

    [Fact]
    public async Task ReadAsync_CountsNothing_WhenTheServiceHasNoRowsForAnSlo()
    {
        fake.Answer = (["Slo", "T0", "G0", "T1", "G1"], []);

        var counts = await Reader().ReadAsync([new("a", new AvailabilitySli("checkout"), SloBudgeting.Occurrences)], Now, Windows, TestContext.Current.CancellationToken);

        Assert.Equal(WindowCounts.Empty, counts[0][TimeSpan.FromMinutes(5)]);
        Assert.True(counts[0].IsEvaluable);
    }

    [Fact]
    public async Task QueryAsync_RetriesAfterTheServersRetryAfter_WhenThrottled()
    {
        fake.Throttle(seconds: 1);
        fake.Answer = (["Slo", "T0", "G0"], [[0, 1, 1]]);
        var started = TimeProvider.System.GetTimestamp();

        var tables = await Client().QueryAsync("workspace-1", "MonitorCheckRun_CL | count", TimeSpan.FromHours(1), TestContext.Current.CancellationToken);

        Assert.Equal(2, fake.Requests.Count);
        Assert.Single(tables[0].Rows);
        Assert.True(TimeProvider.System.GetElapsedTime(started) >= TimeSpan.FromSeconds(0.9), "The retry came before the Retry-After.");
    }

    [Fact]
    public async Task QueryAsync_FailsWithPartialError_RatherThanReturnAPartOfTheData()
    {
        fake.PartialError();

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Client().QueryAsync("workspace-1", "MonitorCheckRun_CL | count", TimeSpan.FromHours(1), TestContext.Current.CancellationToken));

        Assert.Equal(("PartialError", 200), (error.ErrorCode, error.Status));
    }

    [Fact]
    public async Task QueryAsync_SurfacesTheServiceErrorCode_WhenTheQueryIsRefused()
    {
        fake.SyntaxError();

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Client().QueryAsync("workspace-1", "MonitorCheckRun_CL | where", TimeSpan.FromHours(1), TestContext.Current.CancellationToken));

        Assert.Equal(("BadArgumentError", 400), (error.ErrorCode, error.Status));
        Assert.Contains("invalid properties", error.Message, StringComparison.Ordinal);
    }

    public async ValueTask InitializeAsync() => fake = await QueryFake.StartAsync();

    public async ValueTask DisposeAsync() => await fake.DisposeAsync();

    private LogsQueryClient Client() => new(fake.Endpoint, credential, fake.ClientOptions());

    private LogAnalyticsSliReader Reader() => new(Client(), "workspace-1");
}
