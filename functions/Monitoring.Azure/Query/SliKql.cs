using System.Globalization;
using System.Text;
using Monitoring.Core.Checks;
using Monitoring.Core.DataChecks;
using Monitoring.Core.Results;
using Monitoring.Core.Slo;
using Monitoring.Core.Spec;

namespace Monitoring.Azure.Query;

/// <summary>
/// Writes the one KQL query that counts every SLO's good and total events per window in an evaluation cycle, with
/// the same semantics as the SQLite reader: windows are (now − window, now], availability is "not Failed", latency
/// is "not Failed and no slower than the threshold" (and not Degraded when that counts as bad), freshness counts the
/// data check's freshness results that are "not Failed", and time slices are one-minute bins that are good when all
/// their events are and belong to a window when their last event does.
/// Each SLO is one <c>union</c> branch with one row: <c>Slo</c>, then <c>T0, G0, T1, G1 …</c> per window.
/// </summary>
public static class SliKql
{
    private static readonly string Runs = MonitorTables.CheckRun.Name;
    private static readonly string DataChecks = MonitorTables.DataCheck.Name;

    /// <summary>The query for <paramref name="queries"/> (those this reader counts) at <paramref name="now"/>.</summary>
    /// <param name="queries">The SLOs to count, by their index in the cycle.</param>
    /// <param name="now">The end of every window.</param>
    /// <param name="windows">The distinct windows, in the order of the T/G columns.</param>
    public static string For(IReadOnlyList<(int Index, SliQuery Query)> queries, DateTimeOffset now, IReadOnlyList<TimeSpan> windows)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(windows);
        if (queries.Count == 0 || windows.Count == 0)
        {
            throw new ArgumentException("A query needs at least one SLO and one window.", nameof(queries));
        }

        var oldest = windows.Max();
        var kql = new StringBuilder();
        kql.Append("let Now = ").Append(DateTimeLiteral(now)).Append(";\n");
        kql.Append(Invariant($"let Oldest = Now - {Span(oldest)};\n"));
        var branches = new List<string>();
        foreach (var (index, query) in queries)
        {
            branches.AddRange(Branches(index, query, windows));
        }

        kql.Append("union\n").Append(string.Join(",\n", branches)).Append('\n');
        kql.Append("| summarize ").Append(string.Join(", ", Columns(windows).Select(c => $"{c} = sum({c})"))).Append(" by Slo");
        return kql.ToString();
    }

    /// <summary>The names of the count columns: T0, G0, T1, G1 … for each window in order.</summary>
    public static IEnumerable<string> Columns(IReadOnlyList<TimeSpan> windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        for (var w = 0; w < windows.Count; w++)
        {
            yield return Invariant($"T{w}");
            yield return Invariant($"G{w}");
        }
    }

    /// <summary>A string literal: KQL's double-quoted form with backslash escapes.</summary>
    public static string Literal(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A datetime literal of the UTC instant <paramref name="value"/>, to the tick: <c>datetime(2026-11-23T09:58:12.1234567Z)</c>.</summary>
    public static string DateTimeLiteral(DateTimeOffset value) => Invariant($"datetime({value.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ})");

    private static IEnumerable<string> Branches(int index, SliQuery query, IReadOnlyList<TimeSpan> windows)
    {
        switch (query.Sli)
        {
            case AvailabilitySli availability:
                yield return Branch(index, RunsOf(availability.Check), Good: NotFailed, query.Budgeting, windows);
                break;
            case LatencySli latency:
                var good = Invariant($"{NotFailed} and DurationMs <= {latency.Threshold.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture)}");
                yield return Branch(index, RunsOf(latency.Check), latency.DegradedIsBad ? $"{good} and Outcome != {Literal(nameof(CheckOutcome.Degraded))}" : good, query.Budgeting, windows);
                break;
            case FreshnessSli freshness:
                yield return Branch(index, FreshnessOf(freshness.DataCheck), Good: NotFailed, query.Budgeting, windows);
                break;
            case KqlSli custom:
                // The user's queries return events with a TimeGenerated: all of the good query's are good, the
                // total query's are counted as total only. Their sums make the SLO's one row.
                yield return Branch(index, InRange($"({custom.Total.Trim().TrimEnd(';')})"), Good: "false", query.Budgeting, windows, countGood: false);
                yield return Branch(index, InRange($"({custom.Good.Trim().TrimEnd(';')})"), Good: "true", query.Budgeting, windows, countTotal: false);
                break;
            default:
                throw new ArgumentException($"The Log Analytics reader cannot count {query.Sli.Kind} SLIs.", nameof(query));
        }
    }

    private static string NotFailed => $"Outcome != {Literal(nameof(CheckOutcome.Failed))}";

    private static string RunsOf(string check) => InRange($"{Runs} | where CheckName == {Literal(check)}");

    // A data check writes a row per rule per evaluation; only its freshness rule's rows are freshness events.
    private static string FreshnessOf(string dataCheck) =>
        InRange($"{DataChecks} | where CheckName == {Literal(dataCheck)} and Kind == {Literal(DataRuleKinds.Freshness)}");

    private static string InRange(string source) => $"{source} | where TimeGenerated > Oldest and TimeGenerated <= Now";

    private static string Branch(int index, string source, string Good, SloBudgeting budgeting, IReadOnlyList<TimeSpan> windows, bool countTotal = true, bool countGood = true)
    {
        var columns = new List<string>();
        if (budgeting == SloBudgeting.Occurrences)
        {
            for (var w = 0; w < windows.Count; w++)
            {
                var inWindow = Invariant($"TimeGenerated > Now - {Span(windows[w])}");
                columns.Add(countTotal ? Invariant($"T{w} = countif({inWindow})") : Invariant($"T{w} = 0"));
                columns.Add(countGood ? Invariant($"G{w} = countif({inWindow} and ({Good}))") : Invariant($"G{w} = 0"));
            }

            return Invariant($"({source}\n  | summarize {string.Join(", ", columns)}\n  | extend Slo = {index})");
        }

        // Time slices: one-minute bins; a bin is good when all its events are, and is in a window when its last event is.
        for (var w = 0; w < windows.Count; w++)
        {
            var inWindow = Invariant($"Last > Now - {Span(windows[w])}");
            columns.Add(countTotal ? Invariant($"T{w} = countif({inWindow})") : Invariant($"T{w} = 0"));
            columns.Add(countGood ? Invariant($"G{w} = countif({inWindow} and AllGood == 1)") : Invariant($"G{w} = 0"));
        }

        return Invariant($"({source}\n  | summarize Last = max(TimeGenerated), AllGood = min(iff({Good}, 1, 0)) by bin(TimeGenerated, 1m)\n  | summarize {string.Join(", ", columns)}\n  | extend Slo = {index})");
    }

    // Whole minutes as KQL's minute literal (every window is whole minutes), anything else in seconds.
    private static string Span(TimeSpan window) => window.Ticks % TimeSpan.TicksPerMinute == 0
        ? Invariant($"{(long)window.TotalMinutes}m")
        : Invariant($"{window.TotalSeconds:0.###}s");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
