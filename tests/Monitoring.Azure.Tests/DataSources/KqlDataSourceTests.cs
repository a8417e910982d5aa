using System.Globalization;
using System.Text.RegularExpressions;
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
/// The kql source through the real query client and Log Analytics source, against the HTTPS fake of the Query API
/// answering in its documented shape; what it sends is checked by the official KQL parser.
/// </summary>
public sealed partial class KqlDataSourceTests : IAsyncLifetime
{
    private const string Counts = "Orders_CL | where TimeGenerated >= From and TimeGenerated < To | summarize LastUpdated = max(TimeGenerated), RowCount = count(), Bytes = tolong(sum(_BilledSize))";
    private const string SchemaQuery = "Orders_CL | getschema";
    private const string RunsQuery = "ADFPipelineRun | where TimeGenerated >= From | summarize arg_max(TimeGenerated, *) by RunId | project TimeGenerated, PipelineName, RunId, Status, Start, End, FailureType, Error = ErrorMessage";

    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly string[] CountTypes = ["datetime", "long", "long"];

    private readonly SecretRedactor redactor = new();
    private QueryFake fake = null!;

    [Fact]
    public async Task ReadAsync_RunsTheQueryOncePerRange_WithFromToAndNowInFront()
    {
        DataRange volume = new(Now.AddHours(-1), Now);
        DataRange lastWeek = new(Now.AddDays(-7).AddHours(-1), Now.AddDays(-7));
        fake.AnswerFor = query => From(query) == volume.From
            ? (["LastUpdated", "RowCount", "Bytes"], CountTypes, [["2026-11-23T09:58:12.5Z", 4312, 1_048_576]])
            : (["LastUpdated", "RowCount", "Bytes"], CountTypes, [["2026-11-16T09:59:00Z", 3900, 998_000]]);

        var observation = await Source().ReadAsync(Spec(), Request(lastUpdated: true, [volume, lastWeek]), TestContext.Current.CancellationToken);

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 58, 12, 500, TimeSpan.Zero), observation.LastUpdated);
        Assert.Equal([new(4312, 1_048_576), new(3900, 998_000)], observation.Volumes);
        Assert.Equal(2, fake.Requests.Count);
        var sent = fake.Requests.Single(r => From(r.Query) == volume.From);
        Assert.Equal(
            "let From = datetime(2026-11-23T09:00:00.0000000Z);\nlet To = datetime(2026-11-23T10:00:00.0000000Z);\nlet Now = datetime(2026-11-23T10:00:00.0000000Z);\n" + Counts,
            sent.Query);
        Assert.Equal(("workspace-1", "PT2H"), (sent.Workspace, sent.Timespan));
        Assert.Equal("P7DT2H", fake.Requests.Single(r => From(r.Query) == lastWeek.From).Timespan);
        await AssertValidAsync();
    }

    [Fact]
    public async Task ReadAsync_LooksBackAWeekForTheLastUpdatedTime_WhenNoRangeIsAsked()
    {
        fake.AnswerFor = _ => (["LastUpdated", "RowCount"], ["datetime", "long"], [["2026-11-20T03:00:00Z", 12]]);

        var observation = await Source().ReadAsync(Spec(), Request(lastUpdated: true, []), TestContext.Current.CancellationToken);

        Assert.Equal(new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero), observation.LastUpdated);
        Assert.Empty(observation.Volumes);
        var sent = Assert.Single(fake.Requests);
        Assert.Equal((Now.AddDays(-7), "P7DT1H"), (From(sent.Query), sent.Timespan));
        await AssertValidAsync();
    }

    [Fact]
    public async Task ReadAsync_LooksBackAWeekForTheLastUpdatedTime_WhenTheRangesHoldNoData()
    {
        DataRange volume = new(Now.AddHours(-1), Now);
        fake.AnswerFor = query => From(query) == volume.From
            ? (["LastUpdated", "RowCount", "Bytes"], CountTypes, [[null, 0, null]])
            : (["LastUpdated", "RowCount", "Bytes"], CountTypes, [["2026-11-23T06:30:00Z", 80, 4096]]);

        var observation = await Source().ReadAsync(Spec(), Request(lastUpdated: true, [volume]), TestContext.Current.CancellationToken);

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 6, 30, 0, TimeSpan.Zero), observation.LastUpdated);
        Assert.Equal([new DataVolume(0, null)], observation.Volumes);
        Assert.Equal([volume.From, Now.AddDays(-7)], fake.Requests.Select(r => From(r.Query)));
    }

    [Fact]
    public async Task ReadAsync_CountsNothing_WhenTheServiceAnswersNoContentOrNoRows()
    {
        DataRange volume = new(Now.AddHours(-1), Now);
        fake.NoContent();
        var noContent = await Source().ReadAsync(Spec(), Request(lastUpdated: false, [volume]), TestContext.Current.CancellationToken);
        fake.Answer = (["LastUpdated", "RowCount", "Bytes"], []);
        fake.ColumnTypes = CountTypes;
        var noRows = await Source().ReadAsync(Spec(), Request(lastUpdated: false, [volume]), TestContext.Current.CancellationToken);

        Assert.Equal([new DataVolume(0, null)], noContent.Volumes);
        Assert.Equal([new DataVolume(0, null)], noRows.Volumes);
        Assert.Null(noRows.LastUpdated);
    }

    [Fact]
    public async Task ReadAsync_ReadsTheSchemaFromGetschemaRows()
    {
        fake.Answer = (["ColumnName", "ColumnOrdinal", "DataType", "ColumnType"],
        [
            ["TimeGenerated", 0, "System.DateTime", "datetime"],
            ["OrderId", 1, "System.String", "string"],
            ["Amount", 2, "System.Double", "real"],
        ]);
        fake.ColumnTypes = ["string", "int", "string", "string"];

        var observation = await Source().ReadAsync(Spec(), Request(lastUpdated: false, []) with { Schema = true }, TestContext.Current.CancellationToken);

        Assert.Equal([new("TimeGenerated", "datetime"), new("OrderId", "string"), new("Amount", "real")], observation.Schema);
        var sent = Assert.Single(fake.Requests);
        Assert.EndsWith("\n" + SchemaQuery, sent.Query, StringComparison.Ordinal);
        Assert.Equal((Now.AddDays(-1), "P1DT1H"), (From(sent.Query), sent.Timespan));
        await AssertValidAsync();
    }

    [Fact]
    public async Task ReadAsync_ReadsTheSchemaFromDotNetDataTypes_WhenThereIsNoColumnType()
    {
        fake.Answer = (["ColumnName", "DataType"], [["OrderId", "System.String"], ["Quantity", "System.Int64"], ["Paid", "System.SByte"], ["Extra", "System.Object"]]);
        fake.ColumnTypes = ["string", "string"];

        var observation = await Source().ReadAsync(Spec(), Request(lastUpdated: false, []) with { Schema = true }, TestContext.Current.CancellationToken);

        Assert.Equal([new("OrderId", "string"), new("Quantity", "long"), new("Paid", "bool"), new("Extra", "dynamic")], observation.Schema);
    }

    [Fact]
    public async Task ReadAsync_ReadsTheSchemaFromTheAnswersOwnColumns_OtherwiseEvenWithoutRows()
    {
        fake.Answer = (["TimeGenerated", "OrderId", "Amount", "Paid", "Lines"], []);
        fake.ColumnTypes = ["datetime", "string", "real", "bool", "dynamic"];
        var spec = new KqlSourceSpec(null, "Orders_CL | take 0", null);

        var observation = await Source().ReadAsync(spec, Request(lastUpdated: false, []) with { Schema = true }, TestContext.Current.CancellationToken);

        Assert.Equal([new("TimeGenerated", "datetime"), new("OrderId", "string"), new("Amount", "real"), new("Paid", "bool"), new("Lines", "dynamic")], observation.Schema);
    }

    [Fact]
    public async Task ReadAsync_ReadsPipelineRuns_NormalisingTheirStatus_AndRedactingTheirErrors()
    {
        redactor.Register("s3cr3t-password");
        fake.Answer = (["TimeGenerated", "PipelineName", "RunId", "Status", "Start", "End", "FailureType", "Error"],
        [
            ["2026-11-23T02:10:00Z", "load-orders", "r1", "Succeeded", "2026-11-23T02:00:00Z", "2026-11-23T02:10:00Z", "", ""],
            ["2026-11-23T03:05:00Z", "load-orders", "r2", "Failed", "2026-11-23T03:00:00Z", "2026-11-23T03:05:00Z", "UserError", "Login failed: password=s3cr3t-password\nat step 2"],
            ["2026-11-23T04:00:00Z", "load-orders", "r3", "Canceled", "2026-11-23T03:30:00Z", "2026-11-23T04:00:00Z", null, null],
            ["2026-11-23T09:00:00Z", "load-orders", "r4", "Queued", null, null, null, null],
            ["2026-11-23T09:30:00Z", "load-refunds", "r5", "InProgress", "2026-11-23T09:29:00Z", "1601-01-01T00:00:00Z", null, null],
            ["2026-11-23T09:40:00Z", "load-refunds", "r6", "TimedOut", "2026-11-23T08:00:00Z", "2026-11-23T09:40:00Z", "SystemError", null],
        ]);
        fake.ColumnTypes = ["datetime", "string", "string", "string", "datetime", "datetime", "string", "string"];
        var since = Now.AddDays(-1);

        var observation = await Source().ReadAsync(Spec(), Request(lastUpdated: false, []) with { RunsSince = since }, TestContext.Current.CancellationToken);

        Assert.Equal(
        [
            new("load-orders", "r1", PipelineRunStatus.Succeeded, "Succeeded", At(2, 0), At(2, 10)),
            new("load-orders", "r2", PipelineRunStatus.Failed, "Failed", At(3, 0), At(3, 5), "UserError: Login failed: password=*** at step 2"),
            new("load-orders", "r3", PipelineRunStatus.Cancelled, "Canceled", At(3, 30), At(4, 0)),
            new("load-orders", "r4", PipelineRunStatus.Running, "Queued", null, null),
            new("load-refunds", "r6", PipelineRunStatus.Failed, "TimedOut", At(8, 0), At(9, 40), "SystemError"),
            new("load-refunds", "r5", PipelineRunStatus.Running, "InProgress", At(9, 29), null),
        ],
            observation.Runs);
        var sent = Assert.Single(fake.Requests);
        Assert.Equal((since, "P1DT1H"), (From(sent.Query), sent.Timespan));
        await AssertValidAsync();
    }

    [Fact]
    public async Task ReadAsync_FailsAsResponse_NamingTheColumnsTheQueryDidNotAnswer()
    {
        fake.Answer = (["Rows"], [[12]]);

        var error = await Assert.ThrowsAsync<DataSourceException>(() => Source().ReadAsync(Spec(), Request(lastUpdated: true, [new(Now.AddHours(-1), Now)]), TestContext.Current.CancellationToken));

        Assert.Equal(DataSourceErrorKind.Response, error.Kind);
        Assert.Contains("no LastUpdated, RowCount columns; it answered Rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_FailsAsResponse_WhenACountIsNotANumber()
    {
        fake.Answer = (["RowCount"], [["many"]]);
        fake.ColumnTypes = ["string"];

        var error = await Assert.ThrowsAsync<DataSourceException>(() => Source().ReadAsync(Spec(), Request(lastUpdated: false, [new(Now.AddHours(-1), Now)]), TestContext.Current.CancellationToken));

        Assert.Equal(DataSourceErrorKind.Response, error.Kind);
        Assert.Contains("column RowCount", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_FailsAsQuery_WhenTheServiceAnswersAPartialError()
    {
        fake.Answer = (["LastUpdated", "RowCount"], [["2026-11-23T09:58:00Z", 3]]);
        fake.ColumnTypes = ["datetime", "long"];
        fake.PartialError();

        var error = await Assert.ThrowsAsync<DataSourceException>(() => Source().ReadAsync(Spec(), Request(lastUpdated: true, []), TestContext.Current.CancellationToken));

        Assert.Equal(DataSourceErrorKind.Query, error.Kind);
        Assert.Contains("PartialError", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_FailsAsQuery_WhenTheServiceRejectsTheQuery()
    {
        fake.SyntaxError();

        var error = await Assert.ThrowsAsync<DataSourceException>(() => Source().ReadAsync(Spec(), Request(lastUpdated: true, []), TestContext.Current.CancellationToken));

        Assert.Equal(DataSourceErrorKind.Query, error.Kind);
        Assert.Contains("BadArgumentError", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_FailsAsConnection_WhenTheServiceKeepsThrottling()
    {
        for (var i = 0; i < 4; i++)
        {
            fake.Throttle(0);
        }

        var error = await Assert.ThrowsAsync<DataSourceException>(() => Source().ReadAsync(Spec(), Request(lastUpdated: true, []), TestContext.Current.CancellationToken));

        Assert.Equal(DataSourceErrorKind.Connection, error.Kind);
        Assert.Contains("429", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_FailsAsTimeout_WhenTheQueryOutlastsTheChecksTimeout()
    {
        fake.Stall();

        var error = await Assert.ThrowsAsync<DataSourceException>(() => Source().ReadAsync(Spec(), Request(lastUpdated: true, []) with { Timeout = TimeSpan.FromMilliseconds(500) }, TestContext.Current.CancellationToken));

        Assert.Equal(DataSourceErrorKind.Timeout, error.Kind);
        Assert.Contains("within 0.5 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_FailsAsQuery_NamingTheMissingQuery_BeforeSendingAnything()
    {
        var error = await Assert.ThrowsAsync<DataSourceException>(() => Source().ReadAsync(new KqlSourceSpec(Counts, null, null), Request(lastUpdated: false, []) with { Schema = true }, TestContext.Current.CancellationToken));

        Assert.Equal(DataSourceErrorKind.Query, error.Kind);
        Assert.Contains("no schemaQuery", error.Message, StringComparison.Ordinal);
        Assert.Empty(fake.Requests);
    }

    public async ValueTask InitializeAsync() => fake = await QueryFake.StartAsync();

    public async ValueTask DisposeAsync() => await fake.DisposeAsync();

    private static KqlSourceSpec Spec() => new(Counts, SchemaQuery, RunsQuery);

    private static DataReadRequest Request(bool lastUpdated, DataRange[] ranges) =>
        new(Now, TimeSpan.FromSeconds(20), lastUpdated, [.. ranges], Schema: false, RunsSince: null);

    private static DateTimeOffset At(int hour, int minute) => new(2026, 11, 23, hour, minute, 0, TimeSpan.Zero);

    private KqlDataSource Source() => new(
        new LogAnalyticsKqlSource(new LogsQueryClient(fake.Endpoint, new StaticTokenCredential("t"), fake.ClientOptions()), "workspace-1"),
        redactor);

    private async Task AssertValidAsync()
    {
        var queries = fake.Requests.Select(r => r.Query).ToList();
        var diagnostics = await KqlParser.CheckAsync(queries, TestContext.Current.CancellationToken);
        Assert.All(diagnostics.Select((d, i) => (d, queries[i])), x => Assert.True(x.d.Count == 0, $"{x.Item2}\n{string.Join("\n", x.d)}"));
    }

    private static DateTimeOffset From(string query) =>
        DateTimeOffset.Parse(FromLet().Match(query).Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    [GeneratedRegex(@"let From = datetime\(([^)]+)\);")]
    private static partial Regex FromLet();
}
