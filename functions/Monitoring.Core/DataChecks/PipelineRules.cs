using System.Collections.Immutable;
using System.Globalization;
using Monitoring.Core.Checks;
using Monitoring.Core.Spec;

namespace Monitoring.Core.DataChecks;

/// <summary>The pipeline rules: each pipeline's latest finished run succeeded, and its latest run kept to the duration.</summary>
internal static class PipelineRules
{
    public static DataRuleResult Status(DataCheckSpec check, PipelineRuleSpec rule, ImmutableArray<PipelineRun> runs)
    {
        var expected = $"the latest finished run of each pipeline succeeded (runs in the last {Durations.Format(rule.Lookback)})";
        var pipelines = ByPipeline(runs);
        if (pipelines.Count == 0)
        {
            return new DataRuleResult(DataRuleKinds.Pipeline, CheckOutcome.Degraded, $"{check.Dataset}: no runs in the last {Durations.Format(rule.Lookback)}.", expected,
                Details: ImmutableDictionary<string, object?>.Empty.Add("pipelines", ImmutableDictionary<string, object?>.Empty));
        }

        var perPipeline = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
        var unsuccessful = new List<string>();
        var succeeded = new List<string>();
        var unfinished = new List<string>();
        foreach (var (pipeline, pipelineRuns) in pipelines)
        {
            var latestFinished = pipelineRuns.Where(r => r.Status != PipelineRunStatus.Running).MaxBy(r => r.End ?? r.Start ?? DateTimeOffset.MinValue);
            perPipeline[pipeline] = ImmutableDictionary<string, object?>.Empty
                .Add("status", (latestFinished?.Status ?? PipelineRunStatus.Running).ToString())
                .Add("runId", latestFinished?.RunId)
                .Add("runs", pipelineRuns.Count)
                .Add("failures", pipelineRuns.Count(r => r.Status == PipelineRunStatus.Failed));
            if (latestFinished is null)
            {
                unfinished.Add(pipeline);
            }
            else if (latestFinished.Status == PipelineRunStatus.Succeeded)
            {
                succeeded.Add(pipeline);
            }
            else
            {
                unsuccessful.Add($"pipeline {pipeline} run {latestFinished.RunId} {latestFinished.Status}" + (latestFinished.Error is { } error ? $" ({error})" : string.Empty));
            }
        }

        var running = unfinished.Count == 0 ? string.Empty : $" ({string.Join(", ", unfinished)} not finished yet)";
        var summary = unsuccessful.Count > 0
            ? $"{check.Dataset}: {string.Join("; ", unsuccessful)}."
            : succeeded.Count > 0 ? $"{check.Dataset}: latest runs succeeded for {string.Join(", ", succeeded)}{running}."
            : $"{check.Dataset}: no finished run in the last {Durations.Format(rule.Lookback)}{running}.";
        return new DataRuleResult(DataRuleKinds.Pipeline, unsuccessful.Count > 0 ? CheckOutcome.Failed : CheckOutcome.Healthy, summary, expected,
            Details: ImmutableDictionary<string, object?>.Empty.Add("pipelines", perPipeline.ToImmutable()));
    }

    public static DataRuleResult Duration(DataCheckSpec check, PipelineRuleSpec rule, TimeSpan maxDuration, ImmutableArray<PipelineRun> runs, DateTimeOffset now)
    {
        var expected = $"each run <= {Durations.Format(maxDuration)}";
        var perPipeline = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
        var over = new List<string>();
        var within = new List<string>();
        foreach (var (pipeline, pipelineRuns) in ByPipeline(runs))
        {
            // A run without a start cannot be timed; the newest start is the run that matters now, finished or not.
            var latest = pipelineRuns.Where(r => r.Start is not null).MaxBy(r => r.Start);
            if (latest?.Start is not { } start || (latest.Status != PipelineRunStatus.Running && latest.End is null))
            {
                continue;
            }

            var running = latest.Status == PipelineRunStatus.Running;
            var end = running ? now : latest.End!.Value;
            var took = end < start ? TimeSpan.Zero : end - start;
            perPipeline[pipeline] = ImmutableDictionary<string, object?>.Empty
                .Add("runId", latest.RunId)
                .Add("durationMinutes", Math.Round(took.TotalMinutes, 2))
                .Add("running", running);
            if (took > maxDuration)
            {
                over.Add(running
                    ? $"pipeline {pipeline} run {latest.RunId} has been running for {DataCheckText.Duration(took)}"
                    : $"pipeline {pipeline} run {latest.RunId} took {DataCheckText.Duration(took)}");
            }
            else
            {
                within.Add($"{pipeline} {DataCheckText.Duration(took)}" + (running ? " so far" : string.Empty));
            }
        }

        var summary = over.Count > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{check.Dataset}: {string.Join("; ", over)}, more than {Durations.Format(maxDuration)}.")
            : within.Count > 0 ? $"{check.Dataset}: latest runs within {Durations.Format(maxDuration)} ({string.Join(", ", within)})."
            : $"{check.Dataset}: no runs to time in the last {Durations.Format(rule.Lookback)}.";
        return new DataRuleResult(DataRuleKinds.PipelineDuration, over.Count > 0 ? CheckOutcome.Failed : CheckOutcome.Healthy, summary, expected,
            Details: ImmutableDictionary<string, object?>.Empty.Add("pipelines", perPipeline.ToImmutable()));
    }

    private static List<(string Pipeline, List<PipelineRun> Runs)> ByPipeline(ImmutableArray<PipelineRun> runs) =>
        (runs.IsDefault ? [] : runs)
            .GroupBy(r => r.Pipeline, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.ToList()))
            .ToList();
}
