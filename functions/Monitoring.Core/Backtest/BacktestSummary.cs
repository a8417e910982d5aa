using System.Collections.Immutable;

namespace Monitoring.Core.Backtest;

/// <summary>The suite's figures: page precision and recall, and false pages per 30 simulated days.</summary>
/// <param name="Scenarios">Every scenario's score.</param>
/// <param name="PagePrecision">Pages matched to page-worthy incidents ÷ all pages; null when nothing paged.</param>
/// <param name="PageRecall">Page-worthy incidents that paged ÷ page-worthy incidents; null when none was page-worthy.</param>
/// <param name="FalsePagesPer30Days">Pages matched to no page-worthy incident, per 30 days of all simulated time.</param>
/// <param name="HealthyFalsePagesPer30Days">Pages per 30 days over the scenarios without incidents; null when there are none.</param>
/// <param name="HealthyDays">Simulated days of the scenarios without incidents.</param>
public sealed record BacktestSummary(
    ImmutableArray<BacktestScenarioResult> Scenarios,
    double? PagePrecision,
    double? PageRecall,
    double FalsePagesPer30Days,
    double? HealthyFalsePagesPer30Days,
    double HealthyDays)
{
    /// <summary>Sums up <paramref name="scenarios"/>.</summary>
    public static BacktestSummary From(IEnumerable<BacktestScenarioResult> scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var all = scenarios.ToImmutableArray();
        var pages = all.Sum(s => s.Pages);
        var falsePages = all.Sum(s => s.FalsePages);
        var pageWorthy = all.SelectMany(s => s.Incidents).Where(i => i.Truth == BacktestTruth.Page).ToList();
        var days = all.Sum(s => s.Days);
        var healthy = all.Where(s => s.Scenario.Incidents.IsEmpty).ToList();
        var healthyDays = healthy.Sum(s => s.Days);
        return new BacktestSummary(
            all,
            pages == 0 ? null : (double)(pages - falsePages) / pages,
            pageWorthy.Count == 0 ? null : (double)pageWorthy.Count(i => i.Paged) / pageWorthy.Count,
            days == 0 ? 0 : falsePages * 30 / days,
            healthyDays == 0 ? null : healthy.Sum(s => s.FalsePages) * 30 / healthyDays,
            healthyDays);
    }
}
