using System.Globalization;
using Monitoring.Core.DataChecks;

namespace Monitoring.Core.Spec.Validation;

/// <summary>Maps a data check's <c>rules</c>: each rule's fields, and whether the check's source can answer it.</summary>
internal static class DataRulesMapper
{
    /// <summary>The rules; null when absent, empty or wrong (all reported).</summary>
    /// <param name="check">The data check.</param>
    /// <param name="zone">The check's time zone, which deadlines are written in; null when it is wrong.</param>
    /// <param name="source">The check's source as written, for what it supports; null when it is wrong.</param>
    public static DataRulesSpec? Map(MappingReader check, TimeZoneInfo? zone, WrittenSource? source)
    {
        if (!check.Has("rules"))
        {
            check.ReportMissing("rules");
            return null;
        }

        var before = check.Errors.Count;
        if (check.Section("rules", SpecFields.DataRuleKinds) is not { } rules)
        {
            return null;
        }

        var kinds = SpecFields.DataRuleKinds.Where(rules.Has).ToList();
        if (kinds.Count == 0)
        {
            rules.Errors.Add(rules.Path, rules.Mapping, "needs at least one rule of freshness, volume, anomaly, schema or pipeline");
        }

        var freshness = rules.Section("freshness", SpecFields.FreshnessRule) is { } freshnessRule ? Freshness(freshnessRule, zone) : null;
        var volume = rules.Section("volume", SpecFields.VolumeRule) is { } volumeRule ? Volume(volumeRule) : null;
        var anomaly = rules.Section("anomaly", SpecFields.AnomalyRule) is { } anomalyRule ? Anomaly(anomalyRule) : null;
        var schema = rules.Section("schema", SpecFields.SchemaRule) is { } schemaRule
            ? new SchemaRuleSpec(schemaRule.Bool("ignoreAdded") ?? false, CheckMapper.Severity(schemaRule, "severity"))
            : null;
        var pipeline = rules.Section("pipeline", SpecFields.PipelineRule) is { } pipelineRule ? Pipeline(pipelineRule) : null;
        if (source is not null)
        {
            foreach (var kind in kinds)
            {
                DataRuleSupport.Report(rules, kind, source);
            }
        }

        return rules.Errors.Count == before ? new DataRulesSpec(freshness, volume, anomaly, schema, pipeline) : null;
    }

    private static FreshnessRuleSpec? Freshness(MappingReader rule, TimeZoneInfo? zone)
    {
        var maxAge = rule.Duration("maxAge");
        var warnAfter = rule.Duration("warnAfter");
        if (!rule.Has("maxAge") && !rule.Has("deadline"))
        {
            rule.Errors.Add(rule.Path, rule.Mapping, "needs maxAge (how old the data may be), deadline (when it must have landed), or both");
        }

        if (rule.Has("warnAfter") && !rule.Has("maxAge"))
        {
            rule.Errors.Add(rule.PathOf("warnAfter"), rule.Node("warnAfter"), "applies only with maxAge: it warns before maxAge fails");
        }
        else if (warnAfter is { } warn && maxAge is { } max && warn >= max)
        {
            rule.Errors.Add(rule.PathOf("warnAfter"), rule.Node("warnAfter"), $"warnAfter {Durations.Format(warn)} must be shorter than maxAge {Durations.Format(max)}");
        }

        FreshnessDeadline? deadline = null;
        if (rule.Section("deadline", SpecFields.FreshnessDeadline) is { } section)
        {
            var at = CalendarReader.TimeOfDay(section, "at");
            var days = CalendarReader.WeekDays(section, "days");
            deadline = at is null || days is null || zone is null ? null : new FreshnessDeadline(at.Value, days, zone);
        }

        return new FreshnessRuleSpec(maxAge, warnAfter, deadline, CheckMapper.Severity(rule, "severity"));
    }

    private static VolumeRuleSpec Volume(MappingReader rule)
    {
        var window = rule.Duration("window") ?? VolumeRuleSpec.DefaultWindow;
        var min = rule.Long("min", 0, long.MaxValue);
        var max = rule.Long("max", 0, long.MaxValue);
        var minBytes = rule.Long("minBytes", 0, long.MaxValue);
        if (!rule.Has("min") && !rule.Has("max") && !rule.Has("minBytes"))
        {
            rule.Errors.Add(rule.Path, rule.Mapping, "needs at least one bound: min, max or minBytes");
        }

        if (min > max)
        {
            rule.Errors.Add(rule.PathOf("min"), rule.Node("min"), string.Create(CultureInfo.InvariantCulture, $"min {min} must not exceed max {max}"));
        }

        return new VolumeRuleSpec(window, min, max, minBytes, CheckMapper.Severity(rule, "severity"));
    }

    private static AnomalyRuleSpec Anomaly(MappingReader rule)
    {
        var defaults = new AnomalySettings();
        var window = rule.Duration("window") ?? AnomalyRuleSpec.DefaultWindow;
        if (window > AnomalyRuleSpec.MaxWindow)
        {
            rule.Errors.Add(rule.PathOf("window"), rule.Node("window"), $"must be at most {Durations.Format(AnomalyRuleSpec.MaxWindow)}, or the window would overlap the same window a week earlier, its own baseline");
        }

        var sensitivity = rule.Number("sensitivity") ?? defaults.Sensitivity;
        if (sensitivity <= 0)
        {
            rule.Errors.Add(rule.PathOf("sensitivity"), rule.Node("sensitivity"), string.Create(CultureInfo.InvariantCulture, $"must be greater than 0 (standard deviations), not {sensitivity}"));
        }

        var trainingPoints = rule.Integer("trainingPoints", 1, AnomalyRuleSpec.MaxTrainingPoints) ?? defaults.TrainingPoints;

        // Left out, the minimum history follows a short training down rather than asking for more points than it holds.
        var minimumHistory = rule.Integer("minimumHistory", 1, AnomalyRuleSpec.MaxTrainingPoints) ?? Math.Min(defaults.MinimumHistory, trainingPoints);
        if (minimumHistory > trainingPoints)
        {
            rule.Errors.Add(rule.PathOf("minimumHistory"), rule.Node("minimumHistory"), string.Create(CultureInfo.InvariantCulture, $"minimumHistory {minimumHistory} must not exceed trainingPoints {trainingPoints}"));
        }

        var direction = defaults.Direction;
        if (rule.Text("direction") is { } text)
        {
            var index = SpecFields.AnomalyDirections.IndexOf(text);
            if (index < 0)
            {
                rule.Errors.Add(rule.PathOf("direction"), rule.Node("direction"), $"'{text}' is not a direction: use {string.Join(", ", SpecFields.AnomalyDirections)}");
            }
            else
            {
                direction = (AnomalyDirection)index;
            }
        }

        var settings = defaults with { Sensitivity = sensitivity, TrainingPoints = trainingPoints, MinimumHistory = minimumHistory, Direction = direction };
        return new AnomalyRuleSpec(window, settings, CheckMapper.Severity(rule, "severity"));
    }

    private static PipelineRuleSpec Pipeline(MappingReader rule) => new(
        rule.Duration("lookback") ?? PipelineRuleSpec.DefaultLookback,
        rule.Duration("maxDuration"),
        CheckMapper.Severity(rule, "severity"));
}
