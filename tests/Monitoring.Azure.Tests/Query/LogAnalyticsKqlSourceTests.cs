using System.Text.Json;
using Monitoring.Testing;
using Monitoring.Azure.Query;
using Monitoring.Azure.Tests.Support;
using Monitoring.Core.DataSources;
using Xunit;

namespace Monitoring.Azure.Tests.Query;

/// <summary>The data checks' KQL source against the HTTPS fake of the Query API: values arrive typed by their columns.</summary>
public sealed class LogAnalyticsKqlSourceTests : IAsyncLifetime
{
    private const string Freshness = "MonitorCheckRun_CL | where CheckName == 'checkout' | summarize LastUpdated = max(TimeGenerated), Rows = count()";
    private QueryFake fake = null!;

    [Fact]
    public async Task QueryAsync_ConvertsEveryCellByItsColumnType()
    {
        var id = Guid.NewGuid();
        fake.Answer = (["LastUpdated", "Rows", "Ratio", "Ok", "Name", "Lag", "Id", "Schema", "Missing"],
            [["2026-11-23T09:58:12.1234567Z", 4312, 0.25, true, "orders", "00:05:30", id.ToString(), new { columns = 3 }, null]]);
        fake.ColumnTypes = ["datetime", "long", "real", "bool", "string", "timespan", "guid", "dynamic", "long"];

        var table = await Source().QueryAsync(Freshness, TimeSpan.FromDays(1), TestContext.Current.CancellationToken);

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 58, 12, TimeSpan.Zero).AddTicks(1234567), table.FirstValue("LastUpdated"));
        Assert.Equal(4312L, table.FirstValue("Rows"));
        Assert.Equal(0.25, table.FirstValue("Ratio"));
        Assert.Equal(true, table.FirstValue("Ok"));
        Assert.Equal("orders", table.FirstValue("Name"));
        Assert.Equal(TimeSpan.FromSeconds(330), table.FirstValue("Lag"));
        Assert.Equal(id, table.FirstValue("Id"));
        Assert.Equal("{\"columns\":3}", table.FirstValue("Schema"));
        Assert.Null(table.FirstValue("Missing"));
        Assert.Equal(("workspace-1", Freshness, "P1D"), (fake.Requests[0].Workspace, fake.Requests[0].Query, fake.Requests[0].Timespan));
    }

    [Fact]
    public async Task QueryAsync_AnswersAnEmptyTable_WhenTheServiceHasNoData()
    {
        fake.NoContent();

        var table = await Source().QueryAsync(Freshness, TimeSpan.FromDays(1), TestContext.Current.CancellationToken);

        Assert.Same(KqlTable.Empty, table);
        Assert.Null(table.FirstValue("LastUpdated"));
    }

    [Fact]
    public async Task QueryAsync_NamesTheColumn_WhenAValueDoesNotHaveItsType()
    {
        fake.Answer = (["LastUpdated"], [["yesterday-ish"]]);
        fake.ColumnTypes = ["datetime"];

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Source().QueryAsync(Freshness, TimeSpan.FromDays(1), TestContext.Current.CancellationToken));

        Assert.Contains("Column 'LastUpdated' is datetime", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_ReadsNumbersLogAnalyticsWritesAsText()
    {
        Assert.Equal(double.NaN, LogAnalyticsKqlSource.Convert(JsonDocument.Parse("\"NaN\"").RootElement, new KqlColumn("x", "real")));
        Assert.Equal(12L, LogAnalyticsKqlSource.Convert(JsonDocument.Parse("\"12\"").RootElement, new KqlColumn("x", "long")));
    }

    [Fact]
    public async Task FreshnessStyleQueries_AreValidToTheOfficialParser()
    {
        var diagnostics = await KqlParser.CheckAsync([Freshness, "MonitorDataCheck_CL | summarize arg_max(TimeGenerated, *) by CheckName"], TestContext.Current.CancellationToken);

        Assert.All(diagnostics, d => Assert.Empty(d));
    }

    public async ValueTask InitializeAsync() => fake = await QueryFake.StartAsync();

    public async ValueTask DisposeAsync() => await fake.DisposeAsync();

    private LogAnalyticsKqlSource Source() => new(new LogsQueryClient(fake.Endpoint, new StaticTokenCredential("t"), fake.ClientOptions()), "workspace-1");
}
