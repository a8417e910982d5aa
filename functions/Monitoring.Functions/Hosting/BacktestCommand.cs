using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Monitoring.Core.Alerting;
using Monitoring.Core.Backtest;
using Monitoring.Core.Spec;

namespace Monitoring.Functions.Hosting;

/// <summary>
/// <c>backtest [folder-or-files]</c>: runs scenario files through the real SLO alerting in simulated time and
/// prints each incident's outcome and the suite's figures. Exits non-zero only on bad input.
/// </summary>
public static class BacktestCommand
{
    /// <summary>The scenario folder used when none is given, relative to the working directory.</summary>
    public const string DefaultFolder = "backtest/scenarios";

    /// <summary>Exit code for a completed backtest, whatever its figures.</summary>
    public const int Done = 0;

    /// <summary>Exit code for a missing or invalid scenario file.</summary>
    public const int BadInput = 1;

    /// <summary>Runs the command.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var files = new List<string>();
        foreach (var argument in arguments.Count == 0 ? [DefaultFolder] : arguments)
        {
            if (Directory.Exists(argument))
            {
                files.AddRange(Directory.GetFiles(argument, "*.yaml").Concat(Directory.GetFiles(argument, "*.yml")).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(argument))
            {
                files.Add(argument);
            }
            else
            {
                await error.WriteLineAsync($"The backtest input does not exist. Path: {argument}");
                return BadInput;
            }
        }

        var scenarios = new List<BacktestScenario>();
        try
        {
            foreach (var file in files)
            {
                scenarios.AddRange(BacktestScenarioParser.Parse(await File.ReadAllTextAsync(file, cancellationToken), file));
            }
        }
        catch (BacktestScenarioException invalid)
        {
            await error.WriteLineAsync(invalid.Message);
            return BadInput;
        }

        if (scenarios.Count == 0)
        {
            await error.WriteLineAsync("The backtest found no scenario files (*.yaml).");
            return BadInput;
        }

        var clock = Stopwatch.StartNew();
        // Scenarios are independent (each has its own store), so they run side by side.
        var runs = await Task.WhenAll(scenarios.Select(s => Task.Run(() => BacktestSimulator.RunAsync(s, cancellationToken), cancellationToken)));
        var summary = BacktestSummary.From(runs.Select(BacktestScorer.Score));
        Write(output, summary, clock.Elapsed);
        return Done;
    }

    /// <summary>Writes the per-incident table (Markdown) and the suite's figures.</summary>
    public static void Write(TextWriter output, BacktestSummary summary, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(summary);
        output.WriteLine("| Scenario | Incident | Truth | Worst 1h budget | First notification | Detection | Reset | Notifications | Pages |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|");
        var healthy = summary.Scenarios.Where(s => s.Scenario.Incidents.IsEmpty).ToImmutableArray();
        foreach (var scenario in summary.Scenarios.Except(healthy))
        {
            foreach (var incident in scenario.Incidents)
            {
                output.WriteLine(Invariant($"| {scenario.Scenario.Name} | {Describe(scenario.Scenario, incident.Incident)} | {incident.Truth.ToString().ToLowerInvariant()} | {incident.WorstHourShare:0.0}% | {First(incident.FirstNotification)} | {Span(incident.Detection)} | {Reset(incident)} | {incident.Notifications} | {incident.PageFirings} |"));
            }

            if (scenario.FalsePages > 0)
            {
                output.WriteLine(Invariant($"| {scenario.Scenario.Name} | outside incidents | ignore | | | | | | {scenario.FalsePages} false |"));
            }
        }

        if (!healthy.IsEmpty)
        {
            output.WriteLine(Invariant($"| healthy ({healthy.Length} runs, {summary.HealthyDays:0} days) | none | ignore | | | | | {healthy.Sum(h => h.Notifications)} | {healthy.Sum(h => h.FalsePages)} false |"));
        }

        output.WriteLine();
        output.WriteLine(Invariant($"Scenarios: {summary.Scenarios.Length}, simulated days: {summary.Scenarios.Sum(s => s.Days):0}, run time: {elapsed.TotalSeconds:0.0} s"));
        output.WriteLine(Invariant($"Page precision: {Percent(summary.PagePrecision)} ({summary.Scenarios.Sum(s => s.Pages - s.FalsePages)} of {summary.Scenarios.Sum(s => s.Pages)} pages matched a page-worthy incident)"));
        var pageWorthy = summary.Scenarios.SelectMany(s => s.Incidents).Where(i => i.Truth == BacktestTruth.Page).ToList();
        output.WriteLine(Invariant($"Page recall: {Percent(summary.PageRecall)} ({pageWorthy.Count(i => i.Paged)} of {pageWorthy.Count} page-worthy incidents paged)"));
        output.WriteLine(Invariant($"False pages per 30 simulated days: {summary.FalsePagesPer30Days:0.00}"));
        output.WriteLine(Invariant($"False pages per healthy 30 days: {(summary.HealthyFalsePagesPer30Days is { } h ? h.ToString("0.00", CultureInfo.InvariantCulture) : "n/a")}"));
        output.WriteLine(Invariant($"Notifications inside maintenance windows: {summary.Scenarios.Sum(s => s.NotificationsInMaintenance)} (in {summary.Scenarios.Count(s => !s.Scenario.Maintenance.IsEmpty)} scenarios with windows)"));
    }

    private static string Describe(BacktestIncident incident)
    {
        var what = incident.Kind == BacktestIncidentKind.NoData ? "no data" : Invariant($"{incident.ErrorRate * 100:0.###}% errors");
        var flapping = incident.Flapping is { } f ? $", {Durations.Format(f.On)} on/{Durations.Format(f.Off)} off" : string.Empty;
        return $"{what} for {Durations.Format(incident.Duration)} at {Durations.Format(incident.Start)}{flapping}";
    }

    private static string Describe(BacktestScenario scenario, BacktestIncident incident)
    {
        var windows = scenario.Maintenance.Where(w => w.Start < incident.End && incident.Start < w.End)
            .Select(w => $", maintenance {Durations.Format(w.Start)} to {Durations.Format(w.End)}");
        return Describe(incident) + string.Concat(windows);
    }

    private static string First(AlertTransition? first) => first is null
        ? "none"
        : (first.Definition.Source == AlertSource.Check ? "check" : first.Definition.Key[(first.Definition.Key.LastIndexOf(':') + 1)..]) + " (" + first.Definition.Severity.ToString().ToLowerInvariant() + ")";

    private static string Reset(BacktestIncidentResult incident) =>
        incident.FirstNotification is null ? "-" : incident.Reset is null ? "open" : Span(incident.Reset);

    private static string Span(TimeSpan? span) => span is { } s ? Durations.Format(s) : "-";

    private static string Percent(double? value) => value is { } v ? Invariant($"{v * 100:0.0}%") : "n/a";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
