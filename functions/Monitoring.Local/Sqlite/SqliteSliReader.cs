using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Monitoring.Core.Checks;
using Monitoring.Core.DataChecks;
using Monitoring.Core.Ports;
using Monitoring.Core.Results;
using Monitoring.Core.Slo;
using Monitoring.Core.Spec;

namespace Monitoring.Local.Sqlite;

/// <summary>
/// Counts SLI events in the embedded store: one SQL statement per evaluation cycle, a <c>UNION ALL</c> of one
/// aggregate per SLO over the (CheckName, TimeGenerated) index of its table, with a <c>SUM(CASE …)</c> per window.
/// Availability and latency count check runs; freshness counts its data check's freshness results, where a result
/// that did not fail is good (Degraded data is late but still fresh enough).
/// </summary>
public sealed class SqliteSliReader : ISliReader
{
    /// <summary>Why a custom KQL SLI has no counts here.</summary>
    public const string KqlNotEvaluable = "custom KQL SLIs are evaluated in Azure (Log Analytics) only, not in the embedded store";

    private static readonly string Runs = SqliteSchema.Quote(MonitorTables.CheckRun.Name);
    private static readonly string DataChecks = SqliteSchema.Quote(MonitorTables.DataCheck.Name);
    private static readonly string FreshnessResults = $"{SqliteSchema.Quote("Kind")} = '{DataRuleKinds.Freshness}'";
    private static readonly string Time = SqliteSchema.Quote(SqliteSchema.TimeColumn);
    private static readonly string CheckName = SqliteSchema.Quote(SqliteSchema.CheckNameColumn);
    private static readonly string NotFailed = $"{SqliteSchema.Quote("Outcome")} <> '{nameof(CheckOutcome.Failed)}'";
    private static readonly string NotDegraded = $"{SqliteSchema.Quote("Outcome")} <> '{nameof(CheckOutcome.Degraded)}'";
    private static readonly long SliceMs = (long)TimeSpan.FromMinutes(1).TotalMilliseconds;

    private readonly SqliteDatabase _database;

    /// <summary>A reader over <paramref name="database"/>, which must be initialized before the first read.</summary>
    public SqliteSliReader(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SliWindowCounts>> ReadAsync(IReadOnlyList<SliQuery> queries, DateTimeOffset now, IReadOnlyList<TimeSpan> windows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(windows);
        if (windows.Any(w => w <= TimeSpan.Zero))
        {
            throw new ArgumentOutOfRangeException(nameof(windows), "Every window must be longer than zero.");
        }

        var results = new SliWindowCounts?[queries.Count];
        var counted = new List<int>();
        for (var i = 0; i < queries.Count; i++)
        {
            results[i] = queries[i].Sli switch
            {
                KqlSli => SliWindowCounts.NotEvaluable(queries[i].SloName, KqlNotEvaluable),
                AvailabilitySli or LatencySli or FreshnessSli => null,
                var other => SliWindowCounts.NotEvaluable(queries[i].SloName, $"the embedded store cannot count {other.Kind} SLIs"),
            };
            if (results[i] is null)
            {
                counted.Add(i);
            }
        }

        if (counted.Count > 0 && windows.Count > 0)
        {
            await CountAsync(queries, counted, now, windows, results, cancellationToken);
        }

        var empty = windows.Distinct().ToImmutableDictionary(w => w, _ => WindowCounts.Empty);
        return [.. results.Select((r, i) => r ?? new SliWindowCounts(queries[i].SloName, empty))];
    }

    private async Task CountAsync(IReadOnlyList<SliQuery> queries, List<int> counted, DateTimeOffset now, IReadOnlyList<TimeSpan> windows, SliWindowCounts?[] results, CancellationToken cancellationToken)
    {
        var distinct = windows.Distinct().ToList();
        await using var connection = await _database.OpenConnectionAsync(cancellationToken);
        using var command = CreateCommand(connection, queries, counted, now, distinct);
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var index = reader.GetInt32(0);
            var counts = ImmutableDictionary.CreateBuilder<TimeSpan, WindowCounts>();
            for (var w = 0; w < distinct.Count; w++)
            {
                counts[distinct[w]] = new WindowCounts(Good: reader.GetInt64(2 + (2 * w)), Total: reader.GetInt64(1 + (2 * w)));
            }

            results[index] = new SliWindowCounts(queries[index].SloName, counts.ToImmutable());
        }
    }

    /// <summary>
    /// The one statement that counts the SLOs at <paramref name="counted"/> (indexes into <paramref name="queries"/>):
    /// a row per SLO with its index, then total and good per window of <paramref name="windows"/> (distinct) in order.
    /// </summary>
    internal static SqliteCommand CreateCommand(SqliteConnection connection, IReadOnlyList<SliQuery> queries, IReadOnlyList<int> counted, DateTimeOffset now, IReadOnlyList<TimeSpan> windows)
    {
        var command = connection.CreateCommand();
        var nowMs = now.ToUnixTimeMilliseconds();
        command.Parameters.AddWithValue("$now", nowMs);
        command.Parameters.AddWithValue("$oldest", nowMs - (long)windows.Max().TotalMilliseconds);
        for (var w = 0; w < windows.Count; w++)
        {
            command.Parameters.AddWithValue(Invariant($"$from{w}"), nowMs - (long)windows[w].TotalMilliseconds);
        }

        command.CommandText = string.Join("\nUNION ALL\n", counted.Select(i => Branch(i, queries[i], windows.Count, command)));
        return command;
    }

    private static string Branch(int index, SliQuery query, int windowCount, SqliteCommand command)
    {
        var (table, check, good) = query.Sli switch
        {
            AvailabilitySli availability => (Runs, availability.Check, NotFailed),
            LatencySli latency => (Runs, latency.Check, LatencyGood(index, latency, command)),
            FreshnessSli freshness => (DataChecks, freshness.DataCheck, NotFailed),
            _ => throw new InvalidOperationException($"The SLI kind cannot be counted in SQL. Kind: {query.Sli.Kind}."),
        };
        command.Parameters.AddWithValue(Invariant($"$check{index}"), check);
        var range = $"{CheckName} = $check{index} AND {Time} > $oldest AND {Time} <= $now";
        if (query.Sli is FreshnessSli)
        {
            // A data check writes a row per rule per evaluation; only its freshness rule's rows are freshness events.
            range += $" AND {FreshnessResults}";
        }

        var sql = new StringBuilder(Invariant($"SELECT {index}"));
        if (query.Budgeting == SloBudgeting.Occurrences)
        {
            for (var w = 0; w < windowCount; w++)
            {
                sql.Append(Invariant($", COALESCE(SUM(CASE WHEN {Time} > $from{w} THEN 1 ELSE 0 END), 0)"));
                sql.Append(Invariant($", COALESCE(SUM(CASE WHEN {Time} > $from{w} AND {good} THEN 1 ELSE 0 END), 0)"));
            }

            return sql.Append(Invariant($" FROM {table} WHERE {range}")).ToString();
        }

        // Time slices: a minute is good when all its events are; it belongs to a window when its last event does.
        for (var w = 0; w < windowCount; w++)
        {
            sql.Append(Invariant($", COALESCE(SUM(CASE WHEN last > $from{w} THEN 1 ELSE 0 END), 0)"));
            sql.Append(Invariant($", COALESCE(SUM(CASE WHEN last > $from{w} AND good = 1 THEN 1 ELSE 0 END), 0)"));
        }

        return sql.Append(Invariant($" FROM (SELECT {Time} / {SliceMs} AS slice, MAX({Time}) AS last, MIN(CASE WHEN {good} THEN 1 ELSE 0 END) AS good FROM {table} WHERE {range} GROUP BY slice)")).ToString();
    }

    private static string LatencyGood(int index, LatencySli latency, SqliteCommand command)
    {
        command.Parameters.AddWithValue(Invariant($"$threshold{index}"), latency.Threshold.TotalMilliseconds);
        var good = Invariant($"{NotFailed} AND {SqliteSchema.Quote("DurationMs")} <= $threshold{index}");
        return latency.DegradedIsBad ? $"{good} AND {NotDegraded}" : good;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
