using System.Collections.Immutable;
using System.Globalization;
using Monitoring.Azure.Query;
using Monitoring.Core.DataChecks;
using Monitoring.Core.DataSources;
using Monitoring.Core.Ports;
using Monitoring.Core.Secrets;
using Monitoring.Core.Spec;

namespace Monitoring.Azure.DataSources;

/// <summary>
/// <see cref="IDataSource"/> for <c>kql</c> sources: the spec's own queries, run on the Log Analytics workspace through
/// <see cref="IKqlDataSource"/>. Every query gets <c>let From = datetime(…); let To = datetime(…); let Now = datetime(…);</c>
/// in front, and the API's timespan covers From to Now with an hour to spare for clock skew.
/// <list type="bullet">
/// <item><description>Counts: <see cref="KqlSourceSpec.Query"/> runs once per requested range, From and To being the
/// range; the first row's <c>RowCount</c> (long, required) and <c>Bytes</c> (long, optional) are the range's volume,
/// and its <c>LastUpdated</c> (datetime, required when freshness asks) the data's last-updated time: the newest any
/// range answered. When no range is asked, or none answered a time, one more run looks back
/// <see cref="LastUpdatedLookback"/> (From = Now − 7 days, To = Now), so a quiet table still shows its age. A query
/// that counts with <c>where TimeGenerated &gt;= From and TimeGenerated &lt; To</c> and takes <c>max(TimeGenerated)</c>
/// over the same rows answers both.</description></item>
/// <item><description>Schema: <see cref="KqlSourceSpec.SchemaQuery"/> runs once with From = Now − 1 day; rows of
/// <c>ColumnName</c> and <c>ColumnType</c> (or <c>DataType</c>), as <c>getschema</c> answers, are the schema;
/// otherwise the answer's own columns are.</description></item>
/// <item><description>Runs: <see cref="KqlSourceSpec.RunsQuery"/> runs once with From = the runs' start; rows of
/// <c>PipelineName</c>, <c>RunId</c>, <c>Status</c>, <c>Start</c>, <c>End</c>, optionally <c>FailureType</c> and
/// <c>Error</c>, are the runs (several rows of one run: the latest <c>TimeGenerated</c> wins).</description></item>
/// </list>
/// At most <see cref="MaxConcurrentQueries"/> queries run at once. A missing column fails as a response error naming
/// it; a query the service refuses (syntax, a partial result) as a query error; throttling and unreachable service
/// as a connection error; the read past the check's timeout as a timeout.
/// </summary>
public sealed class KqlDataSource : IDataSource
{
    /// <summary>Queries in flight at once: Log Analytics runs five per user concurrently and queues the rest.</summary>
    public const int MaxConcurrentQueries = 3;

    private static readonly TimeSpan Slack = TimeSpan.FromHours(1);

    private readonly IKqlDataSource _kql;
    private readonly SecretRedactor _redactor;

    /// <summary>Reads kql sources through <paramref name="kql"/>; run errors are redacted with <paramref name="redactor"/>.</summary>
    public KqlDataSource(IKqlDataSource kql, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(kql);
        ArgumentNullException.ThrowIfNull(redactor);
        _kql = kql;
        _redactor = redactor;
    }

    /// <inheritdoc/>
    public string Kind => "kql";

    /// <summary>How far back the last-updated time is looked for when no range answered it: 7 days.</summary>
    public static TimeSpan LastUpdatedLookback { get; } = TimeSpan.FromDays(7);

    /// <summary>The From of the schema query: Now − 1 day.</summary>
    public static TimeSpan SchemaLookback { get; } = TimeSpan.FromDays(1);

    /// <summary>The text sent for <paramref name="query"/>: the <c>From</c>, <c>To</c> and <c>Now</c> lets, then the query.</summary>
    public static string Compose(string query, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(query);
        return $"let From = {SliKql.DateTimeLiteral(from)};\nlet To = {SliKql.DateTimeLiteral(to)};\nlet Now = {SliKql.DateTimeLiteral(now)};\n{query.Trim().TrimEnd(';').TrimEnd()}";
    }

    /// <inheritdoc/>
    public async Task<DataObservation> ReadAsync(DataSourceSpec source, DataReadRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(request);
        if (source is not KqlSourceSpec kql)
        {
            throw new ArgumentException($"A kql source reads kql specs, not {source.Kind}.", nameof(source));
        }

        var counts = request.LastUpdated || !request.Ranges.IsEmpty;
        Require(counts, kql.Query, "query", "freshness, volume and anomaly rules");
        Require(request.Schema, kql.SchemaQuery, "schemaQuery", "the schema rule");
        Require(request.RunsSince is not null, kql.RunsQuery, "runsQuery", "the pipeline rule");
        return await SourceReads.WithinAsync(
            request.Timeout,
            "The kql source's queries",
            e => SourceReads.LogAnalytics(e, "The kql source's query"),
            token => ReadAsync(kql, request, token),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<DataObservation> ReadAsync(KqlSourceSpec spec, DataReadRequest request, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(MaxConcurrentQueries);
        var now = request.Now;
        var ranges = request.Ranges.Select(r => RunAsync(gate, spec.Query!, r.From, r.To, now, Describe("query", r), cancellationToken)).ToList();
        var schema = request.Schema ? RunAsync(gate, spec.SchemaQuery!, now - SchemaLookback, now, now, "The kql source's schemaQuery", cancellationToken) : null;
        var runs = request.RunsSince is { } since ? RunAsync(gate, spec.RunsQuery!, since, now, now, "The kql source's runsQuery", cancellationToken) : null;
        await Task.WhenAll([.. ranges, .. new[] { schema, runs }.OfType<Task<KqlTable>>()]).ConfigureAwait(false);

        DateTimeOffset? lastUpdated = null;
        var volumes = ImmutableArray.CreateBuilder<DataVolume>(ranges.Count);
        for (var i = 0; i < ranges.Count; i++)
        {
            var (updated, volume) = KqlAnswers.Counts(await ranges[i].ConfigureAwait(false), Describe("query", request.Ranges[i]), request.LastUpdated, needsRows: true);
            volumes.Add(volume);
            lastUpdated = Max(lastUpdated, updated);
        }

        var lookback = now - LastUpdatedLookback;
        if (request.LastUpdated && lastUpdated is null && (request.Ranges.IsEmpty || request.Ranges.Min(r => r.From) > lookback))
        {
            const string What = "The kql source's query (last updated)";
            var table = await RunAsync(gate, spec.Query!, lookback, now, now, What, cancellationToken).ConfigureAwait(false);
            lastUpdated = KqlAnswers.Counts(table, What, needsLastUpdated: true, needsRows: false).LastUpdated;
        }

        return new DataObservation(
            request.LastUpdated ? lastUpdated : null,
            volumes.MoveToImmutable(),
            schema is null ? default : KqlAnswers.Schema(await schema.ConfigureAwait(false), "The kql source's schemaQuery"),
            runs is null ? [] : KqlAnswers.Runs(await runs.ConfigureAwait(false), "The kql source's runsQuery", _redactor));
    }

    // One query, within the gate; a failure is classified with the query it came from.
    private async Task<KqlTable> RunAsync(SemaphoreSlim gate, string query, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, string what, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await _kql.QueryAsync(Compose(query, from, to, now), Timespan(from, now), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && SourceReads.LogAnalytics(e, what) is { } error)
        {
            throw error;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The API's timespan for a query that reads from <paramref name="from"/>: up to now, with an hour to spare.</summary>
    internal static TimeSpan Timespan(DateTimeOffset from, DateTimeOffset now) => (now > from ? now - from : TimeSpan.Zero) + Slack;

    private static void Require(bool needed, string? query, string field, string rules)
    {
        if (needed && string.IsNullOrWhiteSpace(query))
        {
            throw new DataSourceException(DataSourceErrorKind.Query, $"The kql source has no {field}, which {rules} need.");
        }
    }

    private static string Describe(string field, DataRange range) => string.Create(CultureInfo.InvariantCulture,
        $"The kql source's {field} for {range.From.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}..{range.To.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}");

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
