using System.Text.Json.Nodes;
using Monitoring.Core.Ports;
using Monitoring.Core.Results;

namespace Monitoring.Azure.Ingestion;

/// <summary>
/// <see cref="IResultsWriter"/> on Log Analytics: each table's rows go to its DCR stream through the Logs Ingestion
/// API, one upload per stream per call, with the columns and types of the table definition.
/// </summary>
public sealed class LogAnalyticsResultsWriter : IResultsWriter
{
    private readonly LogsIngestionClient _client;
    private readonly LogAnalyticsResultsWriterOptions _options;

    /// <summary>Sends through <paramref name="client"/> to the rule and streams <paramref name="options"/> name.</summary>
    public LogAnalyticsResultsWriter(LogsIngestionClient client, LogAnalyticsResultsWriterOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.RuleId, nameof(options));
        _client = client;
        _options = options;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Rows of several tables are accepted and grouped by stream, in first-seen order. Every value is checked
    /// against its column type before anything is sent, so a bad batch sends nothing and fails with
    /// <see cref="ArgumentException"/>. Delivery failures surface as <see cref="global::Azure.RequestFailedException"/>.
    /// </remarks>
    public async Task AppendAsync(IReadOnlyList<TableRow> rows, CancellationToken cancellationToken)
    {
        foreach (var (stream, json) in ToStreams(rows))
        {
            await UploadAsync(stream, json, cancellationToken);
        }
    }

    /// <summary>
    /// The JSON objects of <paramref name="rows"/> grouped by stream, streams in first-seen order; throws
    /// <see cref="ArgumentException"/> when a value does not fit its column.
    /// </summary>
    internal List<(string Stream, List<JsonNode> Rows)> ToStreams(IReadOnlyList<TableRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var streams = new Dictionary<string, List<JsonNode>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r] ?? throw new ArgumentException($"A batch must not contain null rows. Row {r} is null.", nameof(rows));
            var stream = _options.StreamFor(row.Table.Name);
            if (!streams.TryGetValue(stream, out var list))
            {
                streams[stream] = list = [];
                order.Add(stream);
            }

            list.Add(IngestionRows.ToJson(row));
        }

        return [.. order.Select(stream => (stream, streams[stream]))];
    }

    /// <summary>Sends JSON rows to <paramref name="stream"/> of the writer's rule.</summary>
    internal Task UploadAsync(string stream, IReadOnlyList<JsonNode> rows, CancellationToken cancellationToken) =>
        _client.UploadAsync(_options.RuleId, stream, rows, cancellationToken);
}
