using System.Text.Json.Nodes;
using Xunit;

namespace Monitoring.Infra.Tests.Workbooks;

/// <summary>
/// The workbooks are valid Azure Workbooks over the monitor tables: a time range and a service picker that every query
/// follows, logs queries on the workspace only, and the sections each audience needs.
/// </summary>
public sealed class WorkbookTests
{
    private const string Schema = "https://github.com/Microsoft/Application-Insights-Workbooks/blob/master/schema/workbook.json";

    private static readonly string[] Visualizations = ["table", "timechart", "tiles", "barchart"];

    private static readonly int[] ItemTypes = [1, 3, 9, 12];

    private static readonly string[] MonitorTablesWithService = ["MonitorCheckRun_CL", "MonitorDataCheck_CL", "MonitorSloStatus_CL", "MonitorAlert_CL"];

    public static TheoryData<string> Files => [.. Workbook.Files];

    [Theory]
    [MemberData(nameof(Files))]
    public void Workbook_IsANotebook_WithTheSchema_FallingBackToTheWorkspace(string file)
    {
        var workbook = Workbook.Load(file);

        Assert.Equal("Notebook/1.0", (string?)workbook.Root["version"]);
        Assert.Equal(Schema, (string?)workbook.Root["$schema"]);
        Assert.Equal([Workbook.WorkspacePlaceholder], Strings(workbook.Root["fallbackResourceIds"]));
        Assert.All(workbook.Items, item =>
        {
            Assert.Contains(Workbook.Type(item), ItemTypes);
            Assert.False(string.IsNullOrWhiteSpace((string?)item["name"]), $"An item of {file} has no name.");
        });

        // The parameters come first (after text), at the top level, so every section below can use them.
        var types = workbook.Root["items"]!.AsArray().Select(i => Workbook.Type(i!.AsObject())).ToList();
        Assert.Equal(9, types.First(type => type != 1));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Workbook_HasATimeRangeParameter_AndAServiceDropdownWithAnAllOption_FromTheMonitorTables(string file)
    {
        var workbook = Workbook.Load(file);

        var time = Assert.Single(workbook.Parameters, p => (int)p["type"]! == 4);
        Assert.Equal("TimeRange", (string?)time["name"]);
        Assert.True((bool?)time["isRequired"]);
        var offered = time["typeSettings"]!["selectableValues"]!.AsArray().Select(v => (long)v!["durationMs"]!).ToList();
        Assert.Contains((long)time["value"]!["durationMs"]!, offered);

        var service = Assert.IsType<JsonObject>(workbook.Parameter("Service"));
        AssertDropdownWithAll(service);
        var query = (string)service["query"]!;
        Assert.All(MonitorTablesWithService, table => Assert.Contains(table, query, StringComparison.Ordinal));
        Assert.Contains("distinct Service", query, StringComparison.Ordinal);
        Assert.Contains("{TimeRange}", query, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryDropdown_IsALogsQueryOnTheWorkspace_WithAnAllOption(string file)
    {
        var dropdowns = Workbook.Load(file).Parameters.Where(p => (int)p["type"]! == 2).ToList();

        Assert.NotEmpty(dropdowns);
        Assert.All(dropdowns, AssertDropdownWithAll);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryParameterQuery_UsesOnlyParametersDeclaredBeforeIt(string file)
    {
        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in Workbook.Load(file).Parameters)
        {
            if ((string?)parameter["query"] is { } query)
            {
                Assert.All(Workbook.References(query), reference => Assert.Contains(reference.Name, declared));
            }

            Assert.True(declared.Add((string)parameter["name"]!), $"{file} declares {parameter["name"]} twice.");
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryQuery_IsALogsQueryOnTheWorkspace_WithATitleAndAnAllowedVisualization(string file)
    {
        var queries = Workbook.Load(file).Queries.ToList();

        Assert.NotEmpty(queries);
        Assert.All(queries, item =>
        {
            var content = item["content"]!;
            var name = (string)item["name"]!;
            Assert.Equal("KqlItem/1.0", (string?)content["version"]);
            Assert.Equal(0, (int?)content["queryType"]);
            Assert.Equal(Workbook.WorkspaceResourceType, (string?)content["resourceType"]);
            Assert.Equal([Workbook.WorkspacePlaceholder], Strings(content["crossComponentResources"]));
            Assert.False(string.IsNullOrWhiteSpace((string?)content["title"]), $"{name} has no title.");
            Assert.True(Visualizations.Contains((string?)content["visualization"]), $"{name} draws {content["visualization"]}.");
        });
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryQuery_FollowsTheTimeRangeAndTheServiceParameters(string file)
    {
        var workbook = Workbook.Load(file);

        Assert.All(workbook.Queries, item =>
        {
            var name = (string)item["name"]!;
            var content = item["content"]!;
            var query = Workbook.QueryText(item);
            Assert.Contains(Workbook.References(query), r => r.Name == "TimeRange");
            Assert.True(
                (string?)content["timeContextFromParameter"] == "TimeRange" || query.Contains("{TimeRange:start}", StringComparison.Ordinal),
                $"{name} neither runs over the time range nor starts its own window at it.");
            Assert.Contains("{Service}", query, StringComparison.Ordinal);
        });
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryQueryReadingADropdown_HonoursItsAllValue(string file)
    {
        var workbook = Workbook.Load(file);
        var dropdowns = workbook.Parameters.Where(p => (int)p["type"]! == 2).Select(p => (string)p["name"]!).ToList();

        foreach (var item in workbook.Queries)
        {
            var query = Workbook.QueryText(item);
            foreach (var dropdown in dropdowns.Where(d => query.Contains("{" + d + "}", StringComparison.Ordinal)))
            {
                Assert.True(query.Contains("'*' in ({" + dropdown + "})", StringComparison.Ordinal), $"{item["name"]} filters on {{{dropdown}}} without its all value.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void ItemNames_AreUnique(string file)
    {
        var names = Workbook.Load(file).Items.Select(item => (string)item["name"]!).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("executive-overview.workbook.json",
        "slo-services|MonitorSloStatus_CL|tiles",
        "slo-attainment|MonitorSloStatus_CL|table",
        "slo-trend|MonitorSloStatus_CL|timechart",
        "budget-trend|MonitorSloStatus_CL|timechart",
        "journey-availability|MonitorCheckRun_CL|table",
        "journey-availability-trend|MonitorCheckRun_CL|timechart",
        "data-freshness|MonitorDataCheck_CL|table",
        "open-critical-alerts|MonitorAlert_CL|table",
        "sla-monthly|MonitorSloStatus_CL|table")]
    [InlineData("oncall-deep-dive.workbook.json",
        "failures-by-journey|MonitorCheckRun_CL|barchart",
        "failures-over-time|MonitorCheckRun_CL|timechart",
        "failures-by-step|MonitorCheckRun_CL|table",
        "failures-by-error-kind|MonitorCheckRun_CL|barchart",
        "step-latency|MonitorCheckRun_CL|timechart",
        "step-latency-percentiles|MonitorCheckRun_CL|table",
        "slo-burn-state|MonitorSloStatus_CL|table",
        "burn-rate-1h-5m|MonitorSloStatus_CL|timechart",
        "alert-transitions|MonitorAlert_CL|table",
        "notification-deliveries|MonitorDelivery_CL|table",
        "last-errors|MonitorCheckRun_CL|table",
        "certificates|MonitorCheckRun_CL|table")]
    [InlineData("data-quality.workbook.json",
        "outcomes-by-kind|MonitorDataCheck_CL|tiles",
        "latest-results|MonitorDataCheck_CL|table",
        "freshness-age|MonitorDataCheck_CL|timechart",
        "freshness-status|MonitorDataCheck_CL|table",
        "volume-vs-baseline|MonitorDataCheck_CL|timechart",
        "volume-anomalies|MonitorDataCheck_CL|table",
        "volume-rows|MonitorDataCheck_CL|timechart",
        "volume-failures|MonitorDataCheck_CL|table",
        "schema-changes|MonitorDataCheck_CL|table",
        "pipeline-runs|MonitorDataCheck_CL|table",
        "pipeline-duration|MonitorDataCheck_CL|timechart",
        "pipeline-failures|MonitorDataCheck_CL|table",
        "connection-health|MonitorDataCheck_CL|table")]
    public void Workbook_HasItsSections(string file, params string[] sections)
    {
        var workbook = Workbook.Load(file);

        Assert.All(sections, section =>
        {
            var (name, table, visualization) = section.Split('|') switch
            {
                [var n, var t, var v] => (n, t, v),
                _ => throw new ArgumentException(section),
            };
            var item = workbook.Item(name);
            Assert.Equal(3, Workbook.Type(item));
            Assert.Contains(table, Workbook.QueryText(item), StringComparison.Ordinal);
            Assert.Equal(visualization, (string?)item["content"]!["visualization"]);
        });
    }

    private static void AssertDropdownWithAll(JsonObject dropdown)
    {
        var name = (string?)dropdown["name"];
        Assert.Equal(2, (int?)dropdown["type"]);
        Assert.Equal(0, (int?)dropdown["queryType"]);
        Assert.Equal(Workbook.WorkspaceResourceType, (string?)dropdown["resourceType"]);
        Assert.Equal([Workbook.WorkspacePlaceholder], Strings(dropdown["crossComponentResources"]));
        Assert.Equal("TimeRange", (string?)dropdown["timeContextFromParameter"]);
        Assert.True((bool?)dropdown["multiSelect"], $"{name} is not multi-select.");
        Assert.Equal("'", (string?)dropdown["quote"]);
        Assert.Contains("value::all", Strings(dropdown["typeSettings"]!["additionalResourceOptions"]));
        Assert.Equal("*", (string?)dropdown["typeSettings"]!["selectAllValue"]);
        Assert.Equal("value::all", (string?)dropdown["defaultValue"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)dropdown["query"]), $"{name} has no query.");
    }

    private static List<string?> Strings(JsonNode? array) => [.. array!.AsArray().Select(v => (string?)v)];
}
