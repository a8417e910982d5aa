using System.Collections.Immutable;
using System.Globalization;
using Monitoring.Core.Checks;
using Monitoring.Core.Spec;

namespace Monitoring.Core.DataChecks;

/// <summary>Judges one read of a data check against its rules. Pure: the caller reads the source and stores the baseline.</summary>
public static class DataCheckEvaluator
{
    /// <summary>
    /// The verdicts on <paramref name="observation"/>, which answered <paramref name="request"/> (made by
    /// <see cref="DataCheckPlan.For"/>) in <paramref name="elapsed"/>: a Healthy connection result, then one per rule,
    /// in the order freshness, volume, anomaly, schema, pipeline, pipeline-duration. A rule whose part of the
    /// observation is missing (fewer counts than ranges, no schema) is Failed with that explanation.
    /// </summary>
    /// <param name="check">The data check.</param>
    /// <param name="request">What was asked of the source.</param>
    /// <param name="observation">What it answered.</param>
    /// <param name="baseline">
    /// The accepted schema; default when none is stored yet (the observed schema then becomes it, Healthy: the caller
    /// stores <see cref="DataCheckEvaluation.ObservedSchema"/>). An empty, non-default baseline is a baseline of no columns.
    /// </param>
    /// <param name="elapsed">How long the read took.</param>
    public static DataCheckEvaluation Evaluate(DataCheckSpec check, DataReadRequest request, DataObservation observation, ImmutableArray<SchemaColumn> baseline, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(observation);
        var now = request.Now;
        var rules = check.Rules;
        var map = DataCheckPlan.Ranges(check);
        if (request.Ranges.Length != map.Count)
        {
            throw new ArgumentException($"The request holds {request.Ranges.Length} ranges where {check.Name}'s rules need {map.Count}: it was not planned for this check.", nameof(request));
        }

        var results = ImmutableArray.CreateBuilder<DataRuleResult>();
        results.Add(new DataRuleResult(
            DataRuleKinds.Connection,
            CheckOutcome.Healthy,
            string.Create(CultureInfo.InvariantCulture, $"The {check.Source.Kind} source answered in {elapsed.TotalMilliseconds:0} ms."),
            ConnectionExpected(check),
            Details: ConnectionDetails(check, elapsed)));

        if (rules.Freshness is { } freshness)
        {
            results.Add(FreshnessRule.Evaluate(check, freshness, now, observation.LastUpdated));
        }

        if (rules.Volume is { } volume && map.Volume is { } volumeIndex)
        {
            results.Add(VolumeRules.Range(check, volume, RangeAt(request, volumeIndex), VolumeAt(observation, volumeIndex)));
        }

        if (rules.Anomaly is { } anomaly && map.AnomalyCurrent is { } currentIndex)
        {
            var training = Enumerable.Range(1, map.AnomalyTrainingPoints)
                .Select(weeksBack => map.AnomalyTraining(weeksBack))
                .Select(index => (RangeAt(request, index), VolumeAt(observation, index)))
                .ToList();
            results.Add(VolumeRules.Anomaly(check, anomaly, RangeAt(request, currentIndex), VolumeAt(observation, currentIndex), training));
        }

        if (rules.Schema is { } schema)
        {
            results.Add(SchemaRule.Evaluate(check, schema, observation.Schema, baseline));
        }

        if (rules.Pipeline is { } pipeline)
        {
            results.Add(PipelineRules.Status(check, pipeline, observation.Runs));
            if (pipeline.MaxDuration is { } maxDuration)
            {
                results.Add(PipelineRules.Duration(check, pipeline, maxDuration, observation.Runs, now));
            }
        }

        return new DataCheckEvaluation(check.Name, now, results.ToImmutable(), observation.Schema);
    }

    /// <summary>The verdict when the source could not be read: a Failed connection result and nothing else (the rules cannot be judged).</summary>
    public static DataCheckEvaluation SourceFailed(DataCheckSpec check, DateTimeOffset at, DataSourceException error, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(error);
        var details = ConnectionDetails(check, elapsed).Add("error", error.WireKind);
        var result = new DataRuleResult(
            DataRuleKinds.Connection,
            CheckOutcome.Failed,
            $"The {check.Source.Kind} source could not be read ({error.WireKind}): {error.Message}",
            ConnectionExpected(check),
            Details: details);
        return new DataCheckEvaluation(check.Name, at, [result], default);
    }

    private static string ConnectionExpected(DataCheckSpec check) => $"the source answers within {Durations.Format(check.Timeout)}";

    private static ImmutableDictionary<string, object?> ConnectionDetails(DataCheckSpec check, TimeSpan elapsed) =>
        ImmutableDictionary<string, object?>.Empty.Add("latencyMs", Milliseconds(elapsed)).Add("source", check.Source.Kind);

    private static double Milliseconds(TimeSpan elapsed) => Math.Round(elapsed.TotalMilliseconds, 3);

    private static DataRange RangeAt(DataReadRequest request, int index) => request.Ranges[index];

    private static DataVolume? VolumeAt(DataObservation observation, int index) =>
        !observation.Volumes.IsDefault && index < observation.Volumes.Length ? observation.Volumes[index] : null;
}
