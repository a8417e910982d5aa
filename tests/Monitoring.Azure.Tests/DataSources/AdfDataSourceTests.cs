using System.Collections.Immutable;
using Monitoring.Testing;
using Monitoring.Azure.DataSources;
using Monitoring.Azure.Query;
using Monitoring.Azure.Tests.Support;
using Monitoring.Core.DataChecks;
using Monitoring.Core.Secrets;
using Monitoring.Core.Spec;
using Xunit;

namespace Monitoring.Azure.Tests.DataSources;

/// <summary>
/// The adf source through the real query client against the HTTPS fake of the Query API: the query it generates is
/// valid KQL on the documented <c>ADFPipelineRun</c> schema, and the rows it gets back become runs.
/// </summary>
public sealed class AdfDataSourceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly string[] Columns = ["TimeGenerated", "PipelineName", "RunId", "Status", "Start", "End", "FailureType", "Error"];
    private static readonly string[] Types = ["datetime", "string", "string", "string", "datetime", "datetime", "string", "string"];

    private readonly SecretRedactor redactor = new();
    private QueryFake fake = null!;

    [Fact]
    public async Task Query_IsValidKql_OnTheDocumentedAdfPipelineRunTable()
    {
        string[] queries =
        [
            AdfDataSource.Query(new AdfSourceSpec(["load-orders", "load-refunds"], "adf-prod-weu"), Now.AddDays(-1)),
            AdfDataSource.Query(new AdfSourceSpec([], null), Now.AddDays(-1)),
            AdfDataSource.Query(new AdfSourceSpec(["x\") | take 1 //", "back\\slash"], "f\" or true or \""), Now.AddDays(-1)),
        ];

        var diagnostics = await KqlParser.CheckAsync(queries, TestContext.Current.CancellationToken);

        Assert.All(diagnostics, d => Assert.Empty(d));
        Assert.Equal(
            "let Since = datetime(2026-11-22T10:00:00.0000000Z);\n"
            + "ADFPipelineRun\n"
            + "| where TimeGenerated >= Since\n"
            + "| where PipelineName in~ (\"load-orders\", \"load-refunds\")\n"
            + "| where _ResourceId endswith \"/providers/Microsoft.DataFactory/factories/adf-prod-weu\"\n"
            + "| summarize arg_max(TimeGenerated, *) by RunId\n"
            + "| project TimeGenerated, PipelineName, RunId, Status, Start, End, FailureType, Error = ErrorMessage",
            queries[0]);
        Assert.DoesNotContain("_ResourceId", queries[1], StringComparison.Ordinal);
        Assert.DoesNotContain("PipelineName in", queries[1], StringComparison.Ordinal);
        Assert.Contains("in~ (\"x\\\") | take 1 //\", \"back\\\\slash\")", queries[2], StringComparison.Ordinal);
        Assert.Contains("endswith \"/providers/Microsoft.DataFactory/factories/f\\\" or true or \\\"\"", queries[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_TakesEachRunsLatestRow_WhenTheAnswerHoldsSeveralRowsPerRun()
    {
        redactor.Register("Sup3rSecretKey==");
        fake.Answer = (Columns,
        [
            ["2026-11-23T09:00:05Z", "load-orders", "run-2", "InProgress", "2026-11-23T09:00:00Z", "1601-01-01T00:00:00Z", "", ""],
            ["2026-11-23T08:00:00Z", "load-orders", "run-1", "Queued", "2026-11-23T08:00:00Z", "1601-01-01T00:00:00Z", "", ""],
            ["2026-11-23T08:20:00Z", "load-orders", "run-1", "Succeeded", "2026-11-23T08:00:00Z", "2026-11-23T08:20:00Z", "", ""],
            ["2026-11-23T08:00:03Z", "load-orders", "run-1", "InProgress", "2026-11-23T08:00:00Z", "1601-01-01T00:00:00Z", "", ""],
            ["2026-11-23T09:00:00Z", "load-orders", "run-2", "Queued", "2026-11-23T09:00:00Z", "1601-01-01T00:00:00Z", "", ""],
            ["2026-11-23T07:12:00Z", "load-refunds", "run-3", "Failed", "2026-11-23T07:00:00Z", "2026-11-23T07:12:00Z", "UserError", "Operation on target Copy failed: AccountKey=Sup3rSecretKey== rejected"],
        ]);
        fake.ColumnTypes = Types;

        var observation = await Source().ReadAsync(Spec(), Request(lastUpdated: false, runsSince: Now.AddDays(-1)), TestContext.Current.CancellationToken);

        Assert.Equal(
        [
            new("load-orders", "run-1", PipelineRunStatus.Succeeded, "Succeeded", At(8, 0), At(8, 20)),
            new("load-orders", "run-2", PipelineRunStatus.Running, "InProgress", At(9, 0), null),
            new("load-refunds", "run-3", PipelineRunStatus.Failed, "Failed", At(7, 0), At(7, 12), "UserError: Operation on target Copy failed: AccountKey=*** rejected"),
        ],
            observation.Runs);
        Assert.Null(observation.LastUpdated);
        var sent = Assert.Single(fake.Requests);
        Assert.Equal("P1DT1H", sent.Timespan);
        Assert.StartsWith("let Since = datetime(2026-11-22T10:00:00.0000000Z);\nADFPipelineRun", sent.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_AnswersTheLatestEndOfASucceededRun_AsTheLastUpdatedTime()
    {
        fake.Answer = (Columns,
        [
            ["2026-11-20T06:30:00Z", "load-orders", "run-a", "Succeeded", "2026-11-20T06:00:00Z", "2026-11-20T06:30:00Z", null, null],
            ["2026-11-22T06:40:00Z", "load-orders", "run-b", "Succeeded", "2026-11-22T06:00:00Z", "2026-11-22T06:40:00Z", null, null],
            ["2026-11-23T06:05:00Z", "load-orders", "run-c", "Failed", "2026-11-23T06:00:00Z", "2026-11-23T06:05:00Z", "SystemError", null],
            ["2026-11-23T09:00:00Z", "load-orders", "run-d", "InProgress", "2026-11-23T09:00:00Z", null, null, null],
        ]);
        fake.ColumnTypes = Types;

        var observation = await Source().ReadAsync(Spec(), Request(lastUpdated: true, runsSince: Now.AddDays(-1)), TestContext.Current.CancellationToken);

        Assert.Equal(new DateTimeOffset(2026, 11, 22, 6, 40, 0, TimeSpan.Zero), observation.LastUpdated);

        // The week read for the last-updated time holds older runs than were asked for; they are not reported.
        Assert.Equal(["run-c", "run-d"], observation.Runs.Select(r => r.RunId));
        var sent = Assert.Single(fake.Requests);
        Assert.Equal("P7DT1H", sent.Timespan);
        Assert.StartsWith("let Since = datetime(2026-11-16T10:00:00.0000000Z);", sent.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_AnswersNoLastUpdatedAndNoRuns_WhenTheWorkspaceHasNoRows()
    {
        fake.NoContent();

        var observation = await Source().ReadAsync(Spec(), Request(lastUpdated: true, runsSince: Now.AddDays(-1)), TestContext.Current.CancellationToken);

        Assert.Null(observation.LastUpdated);
        Assert.Empty(observation.Runs);
    }

    [Fact]
    public async Task ReadAsync_FailsAsQuery_WhenTheServiceAnswersAPartialError()
    {
        fake.PartialError();

        var error = await Assert.ThrowsAsync<DataSourceException>(() => Source().ReadAsync(Spec(), Request(lastUpdated: true, runsSince: null), TestContext.Current.CancellationToken));

        Assert.Equal(DataSourceErrorKind.Query, error.Kind);
        Assert.Contains("PartialError", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_FailsAsResponse_WhenAnExpectedColumnIsMissing()
    {
        fake.Answer = (["PipelineName", "RunId", "Start", "End"], [["load-orders", "run-1", "2026-11-23T08:00:00Z", "2026-11-23T08:20:00Z"]]);
        fake.ColumnTypes = ["string", "string", "datetime", "datetime"];

        var error = await Assert.ThrowsAsync<DataSourceException>(() => Source().ReadAsync(Spec(), Request(lastUpdated: false, runsSince: Now.AddDays(-1)), TestContext.Current.CancellationToken));

        Assert.Equal(DataSourceErrorKind.Response, error.Kind);
        Assert.Contains("no Status column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_SaysWhichSourcesAnswer_WhenAskedForCounts()
    {
        var request = Request(lastUpdated: false, runsSince: null) with { Ranges = [new(Now.AddHours(-1), Now)] };

        var error = await Assert.ThrowsAsync<DataSourceException>(() => Source().ReadAsync(Spec(), request, TestContext.Current.CancellationToken));

        Assert.Equal(DataSourceErrorKind.Query, error.Kind);
        Assert.Contains("An adf source cannot answer row counts", error.Message, StringComparison.Ordinal);
        Assert.Empty(fake.Requests);
    }

    public async ValueTask InitializeAsync() => fake = await QueryFake.StartAsync();

    public async ValueTask DisposeAsync() => await fake.DisposeAsync();

    private static AdfSourceSpec Spec() => new(ImmutableArray.Create("load-orders", "load-refunds"), "adf-prod-weu");

    private static DataReadRequest Request(bool lastUpdated, DateTimeOffset? runsSince) =>
        new(Now, TimeSpan.FromSeconds(20), lastUpdated, [], Schema: false, runsSince);

    private static DateTimeOffset At(int hour, int minute) => new(2026, 11, 23, hour, minute, 0, TimeSpan.Zero);

    private AdfDataSource Source() => new(
        new LogAnalyticsKqlSource(new LogsQueryClient(fake.Endpoint, new StaticTokenCredential("t"), fake.ClientOptions()), "workspace-1"),
        redactor);
}
