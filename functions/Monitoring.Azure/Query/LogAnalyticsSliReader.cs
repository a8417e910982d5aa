using System.Collections.Immutable;
using System.Text.Json;
using Monitoring.Core.Ports;
using Monitoring.Core.Slo;

namespace Monitoring.Azure.Query;

/// <summary>
/// Counts SLI events in Log Analytics: one KQL query (<see cref="SliKql"/>) per evaluation cycle for every SLO it can
/// count: availability, latency, freshness (from data-check results) and custom KQL SLIs, which only this reader can answer.
/// </summary>
public sealed class LogAnalyticsSliReader(LogsQueryClient client, string workspaceId) : ISliReader
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<SliWindowCounts>> ReadAsync(IReadOnlyList<SliQuery> queries, DateTimeOffset now, IReadOnlyList<TimeSpan> windows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(windows);
        if (windows.Any(w => w <= TimeSpan.Zero))
        {
            throw new ArgumentOutOfRangeException(nameof(windows), "Every window must be longer than zero.");
        }

        var distinct = windows.Distinct().ToList();
        var empty = distinct.ToImmutableDictionary(w => w, _ => WindowCounts.Empty);
        var results = new SliWindowCounts?[queries.Count];
        var counted = queries.Select((q, i) => (Index: i, Query: q)).ToList();
        if (counted.Count > 0 && distinct.Count > 0)
        {
            var kql = SliKql.For(counted, now, distinct);

            // The query's own time filter decides; the API's timespan only has to cover it, with room for clock skew.
            var tables = await client.QueryAsync(workspaceId, kql, distinct.Max() + TimeSpan.FromHours(1), cancellationToken).ConfigureAwait(false);
            if (tables.FirstOrDefault() is { } table)
            {
                Read(table, distinct, queries, results);
            }
        }

        return [.. results.Select((r, i) => r ?? new SliWindowCounts(queries[i].SloName, empty))];
    }

    private static void Read(LogsQueryTable table, List<TimeSpan> windows, IReadOnlyList<SliQuery> queries, SliWindowCounts?[] results)
    {
        var slo = table.IndexOf("Slo");
        var columns = windows.Select((_, w) => (Total: table.IndexOf($"T{w}"), Good: table.IndexOf($"G{w}"))).ToList();
        foreach (var row in table.Rows)
        {
            var index = (int)Number(row[slo]);
            if (index < 0 || index >= queries.Count)
            {
                throw new InvalidDataException($"The SLI query answered for SLO #{index}, which it was not asked about.");
            }

            var counts = ImmutableDictionary.CreateBuilder<TimeSpan, WindowCounts>();
            for (var w = 0; w < windows.Count; w++)
            {
                counts[windows[w]] = new WindowCounts(Good: Number(row[columns[w].Good]), Total: Number(row[columns[w].Total]));
            }

            results[index] = new SliWindowCounts(queries[index].SloName, counts.ToImmutable());
        }
    }

    // long columns come as JSON numbers; a sum over nothing can come as null.
    private static long Number(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetInt64(),
        JsonValueKind.Null => 0,
        _ => throw new InvalidDataException($"The SLI query returned '{value}' where a count was expected."),
    };
}
