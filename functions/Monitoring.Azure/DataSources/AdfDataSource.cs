using System.Text;
using Monitoring.Azure.Query;
using Monitoring.Core.DataChecks;
using Monitoring.Core.Ports;
using Monitoring.Core.Secrets;
using Monitoring.Core.Spec;

namespace Monitoring.Azure.DataSources;

/// <summary>
/// <see cref="IDataSource"/> for <c>adf</c> sources: Azure Data Factory pipeline runs from the <c>ADFPipelineRun</c>
/// table (diagnostic settings in resource-specific mode), read through <see cref="IKqlDataSource"/> with one generated
/// query (<see cref="Query"/>). Each run writes a row per status change (Queued, InProgress, then Succeeded, Failed or
/// Cancelled), so its latest row is the run: <c>summarize arg_max(TimeGenerated, *) by RunId</c>.
/// <list type="bullet">
/// <item><description>Runs: those that started at or after the request's instant, with their status normalised, and
/// <c>FailureType</c> and <c>ErrorMessage</c> as the error (redacted).</description></item>
/// <item><description>Last updated: the latest <c>End</c> of a Succeeded run in the last <see cref="LastUpdatedLookback"/>
/// (or since the runs' instant, when that is earlier); null when none succeeded.</description></item>
/// </list>
/// The factory is matched on <c>_ResourceId</c>, the factory's resource id, which ends in
/// <c>/providers/Microsoft.DataFactory/factories/&lt;name&gt;</c> (case-insensitively: Log Analytics keeps resource ids
/// in capitals); pipelines by name, case-insensitively, as Data Factory compares them. Every name is a KQL string
/// literal (<see cref="SliKql.Literal"/>), never query text. Counts and the schema are not an adf source's to answer.
/// </summary>
public sealed class AdfDataSource : IDataSource
{
    private readonly IKqlDataSource _kql;
    private readonly SecretRedactor _redactor;

    /// <summary>Reads adf sources through <paramref name="kql"/>; run errors are redacted with <paramref name="redactor"/>.</summary>
    public AdfDataSource(IKqlDataSource kql, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(kql);
        ArgumentNullException.ThrowIfNull(redactor);
        _kql = kql;
        _redactor = redactor;
    }

    /// <inheritdoc/>
    public string Kind => "adf";

    /// <summary>How far back a succeeded run is looked for, for the last-updated time: 7 days, so a weekly pipeline still shows its age.</summary>
    public static TimeSpan LastUpdatedLookback { get; } = TimeSpan.FromDays(7);

    /// <summary>
    /// The query for <paramref name="source"/>'s runs with rows since <paramref name="since"/>: one row per run (its latest),
    /// with <c>TimeGenerated</c>, <c>PipelineName</c>, <c>RunId</c>, <c>Status</c>, <c>Start</c>, <c>End</c>,
    /// <c>FailureType</c> and <c>Error</c>.
    /// </summary>
    public static string Query(AdfSourceSpec source, DateTimeOffset since)
    {
        ArgumentNullException.ThrowIfNull(source);
        var kql = new StringBuilder();
        kql.Append("let Since = ").Append(SliKql.DateTimeLiteral(since)).Append(";\n");
        kql.Append("ADFPipelineRun\n| where TimeGenerated >= Since\n");
        if (!source.Pipelines.IsDefaultOrEmpty)
        {
            kql.Append("| where PipelineName in~ (").Append(string.Join(", ", source.Pipelines.Select(SliKql.Literal))).Append(")\n");
        }

        if (!string.IsNullOrWhiteSpace(source.Factory))
        {
            kql.Append("| where _ResourceId endswith ").Append(SliKql.Literal("/providers/Microsoft.DataFactory/factories/" + source.Factory.Trim())).Append('\n');
        }

        kql.Append("| summarize arg_max(TimeGenerated, *) by RunId\n");
        kql.Append("| project TimeGenerated, PipelineName, RunId, Status, Start, End, FailureType, Error = ErrorMessage");
        return kql.ToString();
    }

    /// <inheritdoc/>
    public async Task<DataObservation> ReadAsync(DataSourceSpec source, DataReadRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(request);
        if (source is not AdfSourceSpec adf)
        {
            throw new ArgumentException($"An adf source reads adf specs, not {source.Kind}.", nameof(source));
        }

        Unsupported.Reject(Kind, request, ranges: true, schema: true);
        const string What = "The adf source's ADFPipelineRun query";
        return await SourceReads.WithinAsync(request.Timeout, What, e => SourceReads.LogAnalytics(e, What), token => ReadAsync(adf, request, What, token), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DataObservation> ReadAsync(AdfSourceSpec spec, DataReadRequest request, string what, CancellationToken cancellationToken)
    {
        if (!request.LastUpdated && request.RunsSince is null)
        {
            return DataObservation.Empty;
        }

        var since = request.Now - LastUpdatedLookback;
        if (request.RunsSince is { } runsSince && (!request.LastUpdated || runsSince < since))
        {
            since = runsSince;
        }

        var table = await _kql.QueryAsync(Query(spec, since), KqlDataSource.Timespan(since, request.Now), cancellationToken).ConfigureAwait(false);
        var runs = KqlAnswers.Runs(table, what, _redactor);
        DateTimeOffset? lastUpdated = request.LastUpdated
            ? runs.Where(r => r.Status == PipelineRunStatus.Succeeded && r.End is not null).Select(r => r.End).Max()
            : null;
        return new DataObservation(
            lastUpdated,
            [],
            default,
            request.RunsSince is { } start ? [.. runs.Where(r => r.Start is null || r.Start >= start)] : []);
    }
}
