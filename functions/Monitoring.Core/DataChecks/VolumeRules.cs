using System.Collections.Immutable;
using System.Globalization;
using Monitoring.Core.Checks;
using Monitoring.Core.Spec;

namespace Monitoring.Core.DataChecks;

/// <summary>The volume range rule and the volume anomaly rule, both judged on the counts of their ranges.</summary>
internal static class VolumeRules
{
    public static DataRuleResult Range(DataCheckSpec check, VolumeRuleSpec rule, DataRange range, DataVolume? volume)
    {
        var expected = RangeExpected(rule);
        if (volume is null)
        {
            return MissingCount(DataRuleKinds.Volume, expected, range);
        }

        var details = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
        details["from"] = range.From;
        details["to"] = range.To;
        details["bytes"] = volume.Bytes;

        var problems = new List<string>();
        if (rule.Min is { } min && volume.Rows < min)
        {
            problems.Add($"fewer than {DataCheckText.Count(min)} rows");
        }

        if (rule.Max is { } max && volume.Rows > max)
        {
            problems.Add($"more than {DataCheckText.Count(max)} rows");
        }

        if (rule.MinBytes is { } minBytes)
        {
            // A bound the source cannot report is a check that cannot pass, not one that silently does.
            if (volume.Bytes is not { } bytes)
            {
                problems.Add("the source reported no byte count");
            }
            else if (bytes < minBytes)
            {
                problems.Add($"fewer than {DataCheckText.Count(minBytes)} bytes");
            }
        }

        var counted = $"{check.Dataset} has {DataCheckText.Count(volume.Rows)} rows"
            + (volume.Bytes is { } size ? $" ({DataCheckText.Count(size)} bytes)" : string.Empty)
            + $" in the last {Durations.Format(rule.Window)}";
        var summary = counted + (problems.Count == 0 ? "." : ": " + string.Join("; ", problems) + ".");
        return new DataRuleResult(DataRuleKinds.Volume, problems.Count == 0 ? CheckOutcome.Healthy : CheckOutcome.Failed, summary, expected,
            RowCount: volume.Rows, Details: details.ToImmutable());
    }

    /// <summary>E.g. "1 &lt;= rows &lt;= 100000 in 1h", "rows &gt;= 1 in 1h, bytes &gt;= 1024".</summary>
    public static string RangeExpected(VolumeRuleSpec rule)
    {
        var rows = (rule.Min, rule.Max) switch
        {
            ({ } min, { } max) => $"{DataCheckText.Count(min)} <= rows <= {DataCheckText.Count(max)} in {Durations.Format(rule.Window)}",
            ({ } min, null) => $"rows >= {DataCheckText.Count(min)} in {Durations.Format(rule.Window)}",
            (null, { } max) => $"rows <= {DataCheckText.Count(max)} in {Durations.Format(rule.Window)}",
            _ => null,
        };
        var bytes = rule.MinBytes is { } minBytes ? $"bytes >= {DataCheckText.Count(minBytes)}" + (rows is null ? $" in {Durations.Format(rule.Window)}" : string.Empty) : null;
        return string.Join(", ", new[] { rows, bytes }.Where(p => p is not null));
    }

    /// <summary>
    /// Judges the current window against the training windows (newest first, as the request orders them). The oldest
    /// training windows without a single row are dropped: they are from before the data existed, and counting them
    /// would make a young dataset's normal volume look like a spike. A zero after the first non-zero window is a real
    /// empty week and counts.
    /// </summary>
    public static DataRuleResult Anomaly(DataCheckSpec check, AnomalyRuleSpec rule, DataRange current, DataVolume? currentVolume, IReadOnlyList<(DataRange Range, DataVolume? Volume)> training)
    {
        var settings = rule.Settings with { Season = AnomalySeason.Weekday };
        var expected = AnomalyExpected(rule);
        if (currentVolume is null)
        {
            return MissingCount(DataRuleKinds.Anomaly, expected, current);
        }

        if (training.Where(t => t.Volume is null).Select(t => (DataRange?)t.Range).FirstOrDefault() is { } uncounted)
        {
            return MissingCount(DataRuleKinds.Anomaly, expected, uncounted);
        }

        var oldestFirst = training.Reverse().Select(t => new VolumePoint(Local(t.Range.From, check.Zone), t.Volume!.Rows)).ToList();
        var beforeTheData = oldestFirst.TakeWhile(p => p.Count == 0).Count();
        var history = oldestFirst.Skip(beforeTheData).ToList();
        var point = new VolumePoint(Local(current.From, check.Zone), currentVolume.Rows);
        var result = VolumeAnomaly.Evaluate(history, point, settings);

        var details = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
        details["from"] = current.From;
        details["to"] = current.To;
        details["trainingPoints"] = result.Training.Length;
        details["leadingEmptyPointsDropped"] = beforeTheData;
        details["direction"] = Direction(settings.Direction);
        details["sensitivity"] = settings.Sensitivity;
        if (result.Score is not null)
        {
            details["mean"] = result.Mean;
            details["standardDeviation"] = result.StandardDeviation;
        }

        var counted = $"{check.Dataset} has {DataCheckText.Count(currentVolume.Rows)} rows in the last {Durations.Format(rule.Window)}";
        var summary = result.Score is null
            ? $"{counted}. {result.Explanation}"
            : $"{counted}, {(result.IsAnomaly ? "an anomaly" : "normal")}: {result.Explanation}";
        return new DataRuleResult(DataRuleKinds.Anomaly, result.IsAnomaly ? CheckOutcome.Failed : CheckOutcome.Healthy, summary, expected,
            RowCount: currentVolume.Rows, AnomalyScore: result.Score, Details: details.ToImmutable());
    }

    /// <summary>E.g. "|z| &lt;= 3 against 14 same-weekday windows of 1d".</summary>
    public static string AnomalyExpected(AnomalyRuleSpec rule)
    {
        var sensitivity = DataCheckText.Number(rule.Settings.Sensitivity);
        var bound = rule.Settings.Direction switch
        {
            AnomalyDirection.Spike => $"z <= {sensitivity}",
            AnomalyDirection.Drop => $"z >= -{sensitivity}",
            _ => $"|z| <= {sensitivity}",
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"{bound} against {rule.Settings.TrainingPoints} same-weekday windows of {Durations.Format(rule.Window)} (at least {rule.Settings.MinimumHistory})");
    }

    /// <summary>The direction as details write it: both, spike or drop.</summary>
    public static string Direction(AnomalyDirection direction) => direction.ToString().ToLowerInvariant();

    private static DateTimeOffset Local(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);

    // An adapter that answers fewer counts than ranges asked for broke the port's contract: the rule cannot be judged, and says so.
    private static DataRuleResult MissingCount(string kind, string expected, DataRange range) => new(
        kind,
        CheckOutcome.Failed,
        $"The source answered no count for {DataCheckText.Instant(range.From)} to {DataCheckText.Instant(range.To)}.",
        expected);
}
