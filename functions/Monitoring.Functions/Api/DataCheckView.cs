using System.Collections.Immutable;
using Monitoring.Core.DataChecks;
using Monitoring.Core.Spec;

namespace Monitoring.Functions.Api;

/// <summary>One data check as <c>GET /api/data-checks</c> shows it: what it reads, its latest verdict per rule, and its schema baseline.</summary>
/// <param name="Name">The data check.</param>
/// <param name="Service">Its service.</param>
/// <param name="Dataset">The dataset it watches.</param>
/// <param name="Source">The source kind.</param>
/// <param name="Enabled">False when it never runs.</param>
/// <param name="Interval">How often it reads, e.g. 5m.</param>
/// <param name="Rules">The kinds of verdict each read gives (and of alert it has): connection first, then its rules.</param>
/// <param name="EvaluatedAt">When it last read its source; null before the first read.</param>
/// <param name="Outcome">The worst outcome of the last read; null before the first read.</param>
/// <param name="NotEvaluable">Why this app cannot read the source, or null.</param>
/// <param name="Results">The last read's verdicts, connection first.</param>
/// <param name="Schema">The accepted and the last observed schema, for checks with a schema rule.</param>
public sealed record DataCheckView(
    string Name,
    string? Service,
    string Dataset,
    string Source,
    bool Enabled,
    string Interval,
    ImmutableArray<string> Rules,
    DateTimeOffset? EvaluatedAt,
    string? Outcome,
    string? NotEvaluable,
    ImmutableArray<DataRuleView> Results,
    SchemaView? Schema)
{
    /// <summary>The view of <paramref name="check"/> with its latest evaluation (or none).</summary>
    public static DataCheckView From(DataCheckSpec check, DataCheckEvaluation? latest, string? notEvaluable, SchemaView? schema)
    {
        ArgumentNullException.ThrowIfNull(check);
        return new DataCheckView(
            check.Name,
            check.Service,
            check.Dataset,
            check.Source.Kind,
            check.Enabled,
            Durations.Format(check.Interval),
            DataCheckAlerts.Kinds(check),
            latest?.At,
            latest?.Outcome.ToString(),
            notEvaluable,
            latest is null ? [] : [.. latest.Results.Select(DataRuleView.From)],
            schema);
    }
}

/// <summary>One rule's verdict.</summary>
/// <param name="Kind">connection, freshness, volume, anomaly, schema, pipeline or pipeline-duration.</param>
/// <param name="Outcome">Healthy, Degraded or Failed.</param>
/// <param name="Summary">What was seen.</param>
/// <param name="Expected">What the rule expects.</param>
/// <param name="LastUpdated">When the data last changed, when known.</param>
/// <param name="AgeMinutes">Minutes since then.</param>
/// <param name="RowCount">Rows counted.</param>
/// <param name="AnomalyScore">The z-score.</param>
/// <param name="Details">Rule-specific details.</param>
public sealed record DataRuleView(
    string Kind,
    string Outcome,
    string Summary,
    string Expected,
    DateTimeOffset? LastUpdated,
    double? AgeMinutes,
    long? RowCount,
    double? AnomalyScore,
    IReadOnlyDictionary<string, object?>? Details)
{
    /// <summary>The view of <paramref name="result"/>.</summary>
    public static DataRuleView From(DataRuleResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new DataRuleView(result.Kind, result.Outcome.ToString(), result.Summary, result.Expected, result.LastUpdated, result.AgeMinutes, result.RowCount, result.AnomalyScore, result.Details);
    }
}

/// <summary>A data check's schema: the accepted baseline and what was observed last.</summary>
/// <param name="Baseline">The accepted columns; empty before the first read.</param>
/// <param name="Observed">The columns seen last; empty before the first read.</param>
public sealed record SchemaView(ImmutableArray<SchemaColumn> Baseline, ImmutableArray<SchemaColumn> Observed);
