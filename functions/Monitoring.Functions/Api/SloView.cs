using Monitoring.Core.Results;
using Monitoring.Core.Slo;
using Monitoring.Core.Spec;

namespace Monitoring.Functions.Api;

/// <summary>One SLO as <c>GET /api/slos</c> shows it: its target and, once evaluated, how it stands.</summary>
/// <param name="Name">The SLO.</param>
/// <param name="Service">The owning service.</param>
/// <param name="Sli">availability, latency, freshness or kql.</param>
/// <param name="Objective">Target, in percent.</param>
/// <param name="Window">The period, e.g. <c>30d</c>.</param>
/// <param name="Budgeting">occurrences or timeslices.</param>
/// <param name="EvaluatedAt">When last evaluated; null before the first evaluation.</param>
/// <param name="Good">Good events (or slices) in the period.</param>
/// <param name="Total">All events (or slices) in the period.</param>
/// <param name="Attainment">Good / total over the period, in percent; null without events.</param>
/// <param name="BudgetRemaining">Error budget left, in percent; null without events.</param>
/// <param name="BurnRates">Burn rate per window (<c>5m</c> … <c>3d</c>); null for an empty window.</param>
/// <param name="Alerts">Every burn-rate pair with its burn rates and whether it fires.</param>
/// <param name="AlertState">none, ticket or page; <c>pending</c> before the first evaluation.</param>
/// <param name="NoData">True when the SLO's shortest alerting window is empty.</param>
/// <param name="NotEvaluable">Why the SLO cannot be evaluated here; null when it can.</param>
public sealed record SloView(
    string Name,
    string? Service,
    string Sli,
    double Objective,
    string Window,
    string Budgeting,
    DateTimeOffset? EvaluatedAt,
    long? Good,
    long? Total,
    double? Attainment,
    double? BudgetRemaining,
    IReadOnlyDictionary<string, double?> BurnRates,
    IReadOnlyList<SloPairView> Alerts,
    string AlertState,
    bool NoData,
    string? NotEvaluable)
{
    /// <summary>The view of <paramref name="slo"/>, with <paramref name="status"/> when it has been evaluated.</summary>
    public static SloView From(SloSpec slo, SloStatus? status)
    {
        ArgumentNullException.ThrowIfNull(slo);
        var evaluated = status is not null && status.NotEvaluableReason is null;
        return new SloView(
            slo.Name,
            slo.Service,
            slo.Sli.Kind,
            slo.Objective,
            Durations.Format(slo.Period),
            slo.Budgeting == SloBudgeting.Timeslices ? "timeslices" : "occurrences",
            status?.EvaluatedAt,
            evaluated ? status!.Period.Good : null,
            evaluated ? status!.Period.Total : null,
            status?.Attainment,
            status?.BudgetRemaining,
            status?.BurnRates.OrderBy(p => p.Key).ToDictionary(p => Durations.Format(p.Key), p => p.Value, StringComparer.Ordinal) ?? [],
            status?.Pairs.Select(SloPairView.From).ToList() ?? [],
            status is null ? "pending" : SloStatusRows.WireName(status.AlertState),
            status?.NoData ?? false,
            status?.NotEvaluableReason);
    }
}
