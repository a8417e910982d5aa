using System.Collections.Immutable;
using System.Globalization;
using Monitoring.Core.DataChecks;
using Monitoring.Core.Spec;

namespace Monitoring.Core.Tests.DataChecks;

/// <summary>A data check on the orders feed, whose rules each test sets, and the shortest way to evaluate one read of it.</summary>
internal static class DataCheckFixtures
{
    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    public static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(120);

    public static DataCheckSpec Check(DataRulesSpec rules, TimeZoneInfo? zone = null) => new(
        Name: "orders-feed",
        Service: "shop",
        Description: null,
        Enabled: true,
        Interval: TimeSpan.FromMinutes(5),
        Timeout: TimeSpan.FromSeconds(30),
        Dataset: "orders",
        Zone: zone ?? TimeZoneInfo.Utc,
        Labels: ImmutableDictionary<string, string>.Empty.Add("environment", "prod"),
        Source: new KqlSourceSpec("Orders | summarize LastUpdated = max(TimeGenerated)", null, null),
        Rules: rules);

    public static DataRulesSpec Rules(
        FreshnessRuleSpec? freshness = null,
        VolumeRuleSpec? volume = null,
        AnomalyRuleSpec? anomaly = null,
        SchemaRuleSpec? schema = null,
        PipelineRuleSpec? pipeline = null) => new(freshness, volume, anomaly, schema, pipeline);

    public static DataCheckEvaluation Evaluate(DataCheckSpec check, DateTimeOffset now, DataObservation observation, ImmutableArray<SchemaColumn> baseline = default) =>
        DataCheckEvaluator.Evaluate(check, DataCheckPlan.For(check, now), observation, baseline, Latency);

    public static DateTimeOffset Utc(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>A detail of a result, typed as the evaluator stores it.</summary>
    public static T Detail<T>(DataRuleResult result, string key) => (T)result.Details![key]!;

    /// <summary>The per-pipeline details map of a pipeline result.</summary>
    public static ImmutableDictionary<string, object?> Pipeline(DataRuleResult result, string pipeline) =>
        (ImmutableDictionary<string, object?>)Detail<ImmutableDictionary<string, object?>>(result, "pipelines")[pipeline]!;
}
