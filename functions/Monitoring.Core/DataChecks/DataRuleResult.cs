using System.Collections.Immutable;
using Monitoring.Core.Checks;

namespace Monitoring.Core.DataChecks;

/// <summary>The rule kinds as results and alert keys write them.</summary>
public static class DataRuleKinds
{
    /// <summary>Reaching the source at all (connection health, with its latency).</summary>
    public const string Connection = "connection";

    /// <summary>The freshness rule.</summary>
    public const string Freshness = "freshness";

    /// <summary>The volume range rule.</summary>
    public const string Volume = "volume";

    /// <summary>The volume anomaly rule.</summary>
    public const string Anomaly = "anomaly";

    /// <summary>The schema drift rule.</summary>
    public const string Schema = "schema";

    /// <summary>The pipeline status rule.</summary>
    public const string Pipeline = "pipeline";

    /// <summary>The pipeline duration (SLA) rule.</summary>
    public const string PipelineDuration = "pipeline-duration";
}

/// <summary>One rule's verdict on one read: a <c>MonitorDataCheck_CL</c> row and an alert observation.</summary>
/// <param name="Kind">One of <see cref="DataRuleKinds"/>.</param>
/// <param name="Outcome">Healthy, Degraded or Failed (Failed breaches the rule's alert).</param>
/// <param name="Summary">One line for people (no secrets).</param>
/// <param name="Expected">What the rule expected, e.g. "age &lt;= 15m" or "100 &lt;= rows &lt;= 5000 in 1h".</param>
/// <param name="LastUpdated">When the data last changed, when known.</param>
/// <param name="AgeMinutes">Minutes since <paramref name="LastUpdated"/>.</param>
/// <param name="RowCount">Rows counted, for volume and anomaly.</param>
/// <param name="AnomalyScore">The z-score, for anomaly.</param>
/// <param name="Details">Rule-specific details (JSON-friendly values: strings, numbers, booleans, lists, maps).</param>
public sealed record DataRuleResult(
    string Kind,
    CheckOutcome Outcome,
    string Summary,
    string Expected,
    DateTimeOffset? LastUpdated = null,
    double? AgeMinutes = null,
    long? RowCount = null,
    double? AnomalyScore = null,
    ImmutableDictionary<string, object?>? Details = null);

/// <summary>One evaluation of a data check: every rule's verdict, and the schema observed (for the baseline).</summary>
/// <param name="CheckName">The data check.</param>
/// <param name="At">When the read started.</param>
/// <param name="Results">The connection result first, then one per rule that could be judged.</param>
/// <param name="ObservedSchema">The schema read, when the schema rule asked for it; default otherwise.</param>
public sealed record DataCheckEvaluation(string CheckName, DateTimeOffset At, ImmutableArray<DataRuleResult> Results, ImmutableArray<SchemaColumn> ObservedSchema)
{
    /// <summary>The worst outcome among the results.</summary>
    public CheckOutcome Outcome => Results.IsEmpty ? CheckOutcome.Healthy : Results.Max(r => r.Outcome);

    /// <summary>The result of <paramref name="kind"/>, or null.</summary>
    public DataRuleResult? Find(string kind) => Results.FirstOrDefault(r => string.Equals(r.Kind, kind, StringComparison.Ordinal));
}
