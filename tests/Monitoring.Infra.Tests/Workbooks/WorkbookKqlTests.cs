using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Monitoring.Core.Alerting;
using Monitoring.Core.Checks;
using Monitoring.Core.DataChecks;
using Monitoring.Core.Results;
using Monitoring.Core.Slo;
using Monitoring.Core.Spec;
using Monitoring.Testing;
using Xunit;

namespace Monitoring.Infra.Tests.Workbooks;

/// <summary>
/// Every query of every workbook is KQL the official parser accepts against the monitor tables, with the workbook's
/// parameters filled in as the portal fills them; the values and JSON keys the queries look for are those the app writes.
/// </summary>
public sealed partial class WorkbookKqlTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryQuery_PassesTheOfficialParser_WithTheParametersFilledIn()
    {
        var queries = new List<(string Where, string Kql)>();
        foreach (var workbook in Workbook.Files.Select(Workbook.Load))
        {
            var sources = workbook.Queries.Select(item => ((string)item["name"]!, Workbook.QueryText(item)))
                .Concat(workbook.Parameters.Where(p => p["query"] is not null).Select(p => ("parameter " + (string)p["name"]!, (string)p["query"]!)));
            foreach (var (name, kql) in sources)
            {
                foreach (var (label, values) in new[] { ("last 24 hours, all", ParameterValues.Default), ("custom range, picked", ParameterValues.Picked) })
                {
                    queries.Add(($"{workbook.File} {name} ({label})", Workbook.Substitute(kql, workbook.Parameters, values)));
                }
            }
        }

        var diagnostics = await KqlParser.CheckAsync([.. queries.Select(q => q.Kql)], Cancellation);

        Assert.True(queries.Count >= 70, $"Only {queries.Count} queries were checked.");
        for (var i = 0; i < queries.Count; i++)
        {
            Assert.True(diagnostics[i].Count == 0,
                $"{queries[i].Where}: {string.Join("; ", diagnostics[i].Select(d => d.Message))}\n{queries[i].Kql}");
        }
    }

    [Fact]
    public async Task Parser_FindsAColumnTheTablesLack_InAFilledInWorkbookQuery()
    {
        var workbook = Workbook.Load("oncall-deep-dive.workbook.json");
        var kql = Workbook.QueryText(workbook.Item("failures-by-step")).Replace("FailedStep", "BrokenStep", StringComparison.Ordinal);

        var diagnostics = await KqlParser.CheckAsync([Workbook.Substitute(kql, workbook.Parameters, ParameterValues.Default)], Cancellation);

        Assert.Contains(Assert.Single(diagnostics), d => d.Message.Contains("BrokenStep", StringComparison.Ordinal));
    }

    [Fact]
    public void Substitute_FillsInTheTimeRangeAndTheDropdowns_AsThePortalDoes()
    {
        var parameters = Workbook.Load("oncall-deep-dive.workbook.json").Parameters;
        const string Kql = "T | where TimeGenerated {TimeRange} | where '*' in ({Service}) or Service in ({Service}) | summarize by bin(TimeGenerated, {TimeRange:grain}) | where x > {TimeRange:start}";

        Assert.Equal(
            "T | where TimeGenerated > ago(1d) | where '*' in ('*') or Service in ('*') | summarize by bin(TimeGenerated, 30m) | where x > datetime(2026-11-01T00:00:00Z)",
            Workbook.Substitute(Kql, parameters, ParameterValues.Default));
        Assert.Equal(
            "T | where TimeGenerated between (datetime(2026-11-01T00:00:00Z) .. datetime(2026-11-23T12:00:00Z)) | where '*' in ('shop','checkout') or Service in ('shop','checkout') | summarize by bin(TimeGenerated, 1h) | where x > datetime(2026-11-01T00:00:00Z)",
            Workbook.Substitute(Kql, parameters, ParameterValues.Picked));
        Assert.Throws<InvalidOperationException>(() => Workbook.Substitute("T | where Region in ({Region})", parameters, ParameterValues.Default));
    }

    [Fact]
    public void WireNames_TheQueriesCompare_AreTheOnesTheAppWrites()
    {
        var known = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
        {
            ["Kind"] = [.. typeof(DataRuleKinds).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)],
            ["Severity"] = [.. Enum.GetValues<AlertSeverity>().Select(s => s.ToWireName())],
            ["State"] = [.. Enum.GetValues<AlertState>().Select(s => s.ToWireName())],
            ["Source"] = [.. Enum.GetValues<AlertSource>().Select(s => s.ToWireName())],
            ["Outcome"] = [.. Enum.GetNames<CheckOutcome>()],
            ["LatestOutcome"] = [.. Enum.GetNames<CheckOutcome>()],
            ["AlertState"] = [.. Enum.GetValues<SloAlertState>().Select(SloStatusRows.WireName)],
            ["ErrorKind"] = [.. Enum.GetValues<ErrorKind>().Select(k => k.ToWireName())],
            ["StepOutcome"] = [.. Enum.GetNames<StepOutcome>()],
            ["Status"] = [.. Enum.GetNames<PipelineRunStatus>()],
        };
        var seen = new List<(string Where, string Column, string Value)>();
        foreach (var workbook in Workbook.Files.Select(Workbook.Load))
        {
            foreach (var item in workbook.Queries)
            {
                var where = $"{workbook.File} {item["name"]}";
                seen.AddRange(Compared(Workbook.QueryText(item)).Select(c => (where, c.Column, c.Value)));
                seen.AddRange(Thresholds(item).Where(t => known.ContainsKey(t.Column)).Select(t => (where + " (formatting)", t.Column, t.Value)));
            }
        }

        Assert.All(seen, s => Assert.True(known[s.Column].Contains(s.Value), $"{s.Where} compares {s.Column} with '{s.Value}', which the app never writes."));
        Assert.All(["Kind", "Severity", "State", "Outcome", "AlertState", "StepOutcome"], column => Assert.Contains(seen, s => s.Column == column));
    }

    [Fact]
    public void OpenCriticalAlerts_TakeEachAlertsLatestState_AndKeepTheCriticalFiringOrAcknowledged()
    {
        var query = Workbook.QueryText(Workbook.Load("executive-overview.workbook.json").Item("open-critical-alerts"));

        Assert.Contains("arg_max(TimeGenerated, ", query, StringComparison.Ordinal);
        Assert.Contains(") by AlertKey", query, StringComparison.Ordinal);
        Assert.Contains($"Severity == '{AlertSeverity.Critical.ToWireName()}'", query, StringComparison.Ordinal);
        Assert.Contains($"State in ('{AlertState.Firing.ToWireName()}', '{AlertState.Acknowledged.ToWireName()}')", query, StringComparison.Ordinal);
        Assert.Contains($"State in ('{AlertState.Resolved.ToWireName()}', '{AlertState.Inactive.ToWireName()}')", query, StringComparison.Ordinal);
    }

    [Fact]
    public void BurnRateCharts_DrawEveryPairOfTheWindowsTable_AgainstItsFactor()
    {
        var workbook = Workbook.Load("oncall-deep-dive.workbook.json");
        var pairs = BurnRateWindows.ForPeriod(TimeSpan.FromDays(30));
        var columns = MonitorTables.SloStatus.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(pairs.Length, workbook.Queries.Count(item => ((string)item["name"]!).StartsWith("burn-rate-", StringComparison.Ordinal)));
        Assert.All(pairs, pair =>
        {
            var (longWindow, shortWindow) = (Durations.Format(pair.LongWindow), Durations.Format(pair.ShortWindow));
            var item = workbook.Item($"burn-rate-{longWindow}-{shortWindow}");
            var query = Workbook.QueryText(item);
            var factor = Math.Round(pair.Factor, 6).ToString(CultureInfo.InvariantCulture);
            var severity = pair.Severity.ToString().ToLowerInvariant();
            Assert.All(new[] { longWindow, shortWindow }, window =>
            {
                Assert.Contains($"BurnRate_{window}", columns);
                Assert.Contains($"max(BurnRate_{window})", query, StringComparison.Ordinal);
            });
            Assert.Contains($"Series = '{severity} threshold {factor}', BurnRate = real({factor})", query, StringComparison.Ordinal);
            Assert.Contains($"against {factor}", (string)item["content"]!["title"]!, StringComparison.Ordinal);
            Assert.Equal("timechart", (string?)item["content"]!["visualization"]);
        });
    }

    [Fact]
    public void StepKeys_TheQueriesRead_AreTheKeysCheckRunRowsWrite()
    {
        var run = new CheckRunResult("checkout", "shop", "local", "run-1", DateTimeOffset.UnixEpoch, CheckOutcome.Failed, 812, 2, "pay", ErrorKind.HttpStatus, 500, "HTTP 500", 40,
            [new StepResult("pay", StepOutcome.Failed, 500, 812, ErrorKind.HttpStatus, "HTTP 500", Cleanup: false)]);
        var written = ((JsonArray)CheckRunRows.ToRow(run)["Steps"]!)[0]!.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);

        var read = Workbook.Files.Select(Workbook.Load).SelectMany(w => w.Queries).Select(Workbook.QueryText)
            .SelectMany(q => StepKey().Matches(q).Select(m => m.Groups["key"].Value)).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(new HashSet<string>(StringComparer.Ordinal) { "name", "outcome", "durationMs" }, read);
        Assert.Subset(written, read);
    }

    [Fact]
    public void DetailsKeys_TheQueriesRead_AreTheKeysTheDataRulesWrite_ForTheKindsTheyRead()
    {
        var written = DetailsKeysOfEveryRule();
        var reads = 0;

        foreach (var item in Workbook.Load("data-quality.workbook.json").Queries.Concat(Workbook.Load("executive-overview.workbook.json").Queries))
        {
            var query = Workbook.QueryText(item);
            var kinds = Compared(query).Where(c => c.Column == "Kind").Select(c => c.Value).ToList();
            var keys = kinds.Count == 0 ? written.Values.SelectMany(k => k.Details).ToHashSet() : kinds.SelectMany(k => written[k].Details).ToHashSet();
            var runKeys = kinds.SelectMany(k => written[k].Runs).ToHashSet();
            foreach (Match match in DetailsKey().Matches(query))
            {
                reads++;
                Assert.True(keys.Contains(match.Groups["key"].Value), $"{item["name"]} reads Details.{match.Groups["key"].Value}, which no {string.Join("/", kinds)} result writes.");
            }

            foreach (Match match in RunKey().Matches(query))
            {
                reads++;
                Assert.True(runKeys.Contains(match.Groups["key"].Value), $"{item["name"]} reads a pipeline's {match.Groups["key"].Value}, which no {string.Join("/", kinds)} result writes.");
            }
        }

        Assert.True(reads >= 10, $"Only {reads} detail keys were read.");
    }

    // One evaluation of a check with every rule, on data that makes each rule write its details: a stale feed, a
    // volume outside its range, a drop against a varied weekday history, a drifted schema and a failed, slow pipeline run.
    private static Dictionary<string, (HashSet<string> Details, HashSet<string> Runs)> DetailsKeysOfEveryRule()
    {
        var now = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
        var check = new DataCheckSpec(
            Name: "orders-feed",
            Service: "shop",
            Description: null,
            Enabled: true,
            Interval: TimeSpan.FromMinutes(5),
            Timeout: TimeSpan.FromSeconds(30),
            Dataset: "orders",
            Zone: TimeZoneInfo.Utc,
            Labels: ImmutableDictionary<string, string>.Empty,
            Source: new KqlSourceSpec("Orders_CL | summarize LastUpdated = max(TimeGenerated)", null, null),
            Rules: new DataRulesSpec(
                new FreshnessRuleSpec(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(15), null, null),
                new VolumeRuleSpec(TimeSpan.FromHours(1), 100, 5000, null, null),
                new AnomalyRuleSpec(TimeSpan.FromDays(1), new AnomalySettings(TrainingPoints: 6), null),
                new SchemaRuleSpec(IgnoreAdded: false, null),
                new PipelineRuleSpec(TimeSpan.FromDays(1), TimeSpan.FromMinutes(30), null)));
        var request = DataCheckPlan.For(check, now);
        var observation = new DataObservation(
            LastUpdated: now.AddHours(-2),
            Volumes: [.. request.Ranges.Select((_, i) => new DataVolume(i == 0 ? 20 : 900 + (i % 3 * 50), null))],
            Schema: [new SchemaColumn("id", "string"), new SchemaColumn("amount", "real"), new SchemaColumn("coupon", "string")],
            Runs: [new PipelineRun("load-orders", "run-7", PipelineRunStatus.Failed, "Failed", now.AddHours(-3), now.AddHours(-2), "Timeout")]);
        var baseline = ImmutableArray.Create(new SchemaColumn("id", "string"), new SchemaColumn("amount", "long"), new SchemaColumn("region", "string"));

        var evaluated = DataCheckEvaluator.Evaluate(check, request, observation, baseline, TimeSpan.FromMilliseconds(12));
        var unreachable = DataCheckEvaluator.SourceFailed(check, now, new DataSourceException(DataSourceErrorKind.Timeout, "No answer."), TimeSpan.FromSeconds(30));

        var keys = new Dictionary<string, (HashSet<string> Details, HashSet<string> Runs)>(StringComparer.Ordinal);
        foreach (var row in DataCheckRows.ToRows(check, evaluated).Concat(DataCheckRows.ToRows(check, unreachable)))
        {
            var kind = (string)row["Kind"]!;
            var details = (JsonObject)row["Details"]!;
            var (detailKeys, runKeys) = keys.TryGetValue(kind, out var known) ? known : keys[kind] = ([], []);
            detailKeys.UnionWith(details.Select(d => d.Key));
            if (details["pipelines"] is JsonObject pipelines)
            {
                runKeys.UnionWith(pipelines.SelectMany(p => p.Value!.AsObject().Select(r => r.Key)));
            }
        }

        string[] kinds = [DataRuleKinds.Connection, DataRuleKinds.Freshness, DataRuleKinds.Volume, DataRuleKinds.Anomaly, DataRuleKinds.Schema, DataRuleKinds.Pipeline, DataRuleKinds.PipelineDuration];
        Assert.Equal(kinds.Order(StringComparer.Ordinal), keys.Keys.Order(StringComparer.Ordinal));
        return keys;
    }

    // Literals a query compares a wire-name column with: Column == 'x', Column != 'x', Column in ('x', 'y').
    private static IEnumerable<(string Column, string Value)> Compared(string kql)
    {
        foreach (Match match in Comparison().Matches(kql))
        {
            yield return (match.Groups["column"].Value, match.Groups["value"].Value);
        }

        foreach (Match match in Membership().Matches(kql))
        {
            foreach (Match literal in Literal().Matches(match.Groups["list"].Value))
            {
                yield return (match.Groups["column"].Value, literal.Groups["value"].Value);
            }
        }
    }

    // The values a table's threshold formatting matches a column against.
    private static IEnumerable<(string Column, string Value)> Thresholds(JsonObject item) =>
        item["content"]!["gridSettings"]?["formatters"]?.AsArray()
            .Where(f => (int?)f!["formatter"] == 18)
            .SelectMany(f => f!["formatOptions"]!["thresholdsGrid"]!.AsArray()
                .Where(t => (string?)t!["operator"] == "==")
                .Select(t => ((string)f["columnMatch"]!, (string)t!["thresholdValue"]!)))
        ?? [];

    [GeneratedRegex(@"\b(?<column>Kind|Severity|State|Source|Outcome|AlertState|ErrorKind|StepOutcome|Status)\s*(?:==|!=|=~|!~)\s*'(?<value>[^']*)'")]
    private static partial Regex Comparison();

    [GeneratedRegex(@"\b(?<column>Kind|Severity|State|Source|Outcome|AlertState|ErrorKind|StepOutcome|Status)\s+!?in~?\s*\((?<list>[^)]*)\)")]
    private static partial Regex Membership();

    [GeneratedRegex(@"'(?<value>[^']*)'")]
    private static partial Regex Literal();

    [GeneratedRegex(@"\bStep\.(?<key>\w+)")]
    private static partial Regex StepKey();

    [GeneratedRegex(@"\bDetails\.(?<key>\w+)")]
    private static partial Regex DetailsKey();

    [GeneratedRegex(@"\bRun\.(?<key>\w+)")]
    private static partial Regex RunKey();
}
