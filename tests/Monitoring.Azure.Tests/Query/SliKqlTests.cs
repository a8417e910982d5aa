using Monitoring.Testing;
using Monitoring.Azure.Query;
using Monitoring.Core.Slo;
using Monitoring.Core.Spec;
using Xunit;

namespace Monitoring.Azure.Tests.Query;

/// <summary>Every KQL string the SLI reader sends is valid to the official parser, against the monitor tables' schemas.</summary>
public sealed class SliKqlTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan[] Windows = [TimeSpan.FromMinutes(5), TimeSpan.FromHours(1), TimeSpan.FromDays(3), TimeSpan.FromDays(30)];

    [Fact]
    public async Task For_WritesQueriesTheOfficialParserAccepts_ForEverySliKindAndBudgeting()
    {
        var queries = new List<string>
        {
            SliKql.For([(0, Query(new AvailabilitySli("checkout")))], Now, Windows),
            SliKql.For([(0, Query(new LatencySli("homepage", TimeSpan.FromMilliseconds(800), DegradedIsBad: true)))], Now, Windows),
            SliKql.For([(0, Query(new AvailabilitySli("checkout"), SloBudgeting.Timeslices))], Now, Windows),
            SliKql.For([(0, Query(new LatencySli("homepage", TimeSpan.FromSeconds(1), DegradedIsBad: false), SloBudgeting.Timeslices))], Now, Windows),
            SliKql.For([(0, Query(new FreshnessSli("orders-feed"), SloBudgeting.Timeslices))], Now, Windows),
            SliKql.For([(0, Query(new FreshnessSli("orders-feed")))], Now, Windows),
            SliKql.For(
                [
                    (0, Query(new AvailabilitySli("checkout"))),
                    (2, Query(new LatencySli("login", TimeSpan.FromSeconds(2), DegradedIsBad: false))),
                    (3, Query(new KqlSli(
                        "MonitorCheckRun_CL | where CheckName == 'search' and Success == true",
                        "MonitorCheckRun_CL | where CheckName == 'search'"))),
                    (4, Query(new KqlSli("MonitorCheckRun_CL | where Outcome != 'Failed';", "MonitorCheckRun_CL;"), SloBudgeting.Timeslices)),
                    (5, Query(new AvailabilitySli("a \"quoted\\ name"))),
                    (6, Query(new FreshnessSli("orders-feed"), SloBudgeting.Timeslices)),
                    (7, Query(new FreshnessSli("a \"quoted\\ feed"), SloBudgeting.Timeslices)),
                ],
                Now,
                Windows),
        };

        var diagnostics = await KqlParser.CheckAsync(queries, TestContext.Current.CancellationToken);

        for (var i = 0; i < queries.Count; i++)
        {
            Assert.True(diagnostics[i].Count == 0, $"Query {i} has errors: {string.Join("; ", diagnostics[i].Select(d => d.Message))}\n{queries[i]}");
        }
    }

    [Fact]
    public async Task Parser_FindsTheError_WhenAQueryNamesAColumnTheTablesLack()
    {
        var diagnostics = await KqlParser.CheckAsync(["MonitorCheckRun_CL | where Latency > 5"], TestContext.Current.CancellationToken);

        Assert.Contains(Assert.Single(diagnostics), d => d.Message.Contains("Latency", StringComparison.Ordinal));
    }

    [Fact]
    public void For_EndsEveryWindowAtNow_AndNamesTheCountsPerWindow()
    {
        var kql = SliKql.For([(7, Query(new AvailabilitySli("checkout")))], Now, [TimeSpan.FromMinutes(5), TimeSpan.FromDays(30)]);

        Assert.Contains("let Now = datetime(2026-11-23T10:00:00.0000000Z);", kql, StringComparison.Ordinal);
        Assert.Contains("let Oldest = Now - 43200m;", kql, StringComparison.Ordinal);
        Assert.Contains("T0 = countif(TimeGenerated > Now - 5m)", kql, StringComparison.Ordinal);
        Assert.Contains("| extend Slo = 7", kql, StringComparison.Ordinal);
        Assert.EndsWith("| summarize T0 = sum(T0), G0 = sum(G0), T1 = sum(T1), G1 = sum(G1) by Slo", kql, StringComparison.Ordinal);
    }

    [Fact]
    public void For_CountsTheDataChecksFreshnessResults_ThatDidNotFail_AsGood_ForFreshness()
    {
        var kql = SliKql.For([(3, Query(new FreshnessSli("orders-feed"), SloBudgeting.Timeslices))], Now, [TimeSpan.FromMinutes(5)]);

        Assert.Contains(
            "(MonitorDataCheck_CL | where CheckName == \"orders-feed\" and Kind == \"freshness\" | where TimeGenerated > Oldest and TimeGenerated <= Now\n" +
            "  | summarize Last = max(TimeGenerated), AllGood = min(iff(Outcome != \"Failed\", 1, 0)) by bin(TimeGenerated, 1m)\n" +
            "  | summarize T0 = countif(Last > Now - 5m), G0 = countif(Last > Now - 5m and AllGood == 1)\n" +
            "  | extend Slo = 3)",
            kql,
            StringComparison.Ordinal);
        Assert.DoesNotContain("MonitorCheckRun_CL", kql, StringComparison.Ordinal);
        Assert.DoesNotContain("Degraded", kql, StringComparison.Ordinal);
    }

    private static SliQuery Query(SliSpec sli, SloBudgeting budgeting = SloBudgeting.Occurrences) => new("slo", sli, budgeting);
}
