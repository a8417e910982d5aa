namespace Monitoring.Core.Spec;

/// <summary>A service level objective: which runs are good, the target share of them, and how burning it alerts.</summary>
/// <param name="Name">Unique SLO name.</param>
/// <param name="Service">The owning service, if any (a key of <see cref="MonitoringSpec.Services"/>).</param>
/// <param name="Description">Free text for people.</param>
/// <param name="Objective">The target, in percent: greater than 0 and less than 100 (e.g. 99.9).</param>
/// <param name="Period">The rolling window the objective holds over: 7, 28 or 30 days.</param>
/// <param name="Budgeting">Whether the budget counts events or one-minute time slices.</param>
/// <param name="Sli">What makes an event good.</param>
/// <param name="Alerting">The burn-rate windows and the low-traffic policy, defaults resolved.</param>
public sealed record SloSpec(
    string Name,
    string? Service,
    string? Description,
    double Objective,
    TimeSpan Period,
    SloBudgeting Budgeting,
    SliSpec Sli,
    SloAlertingSpec Alerting)
{
    /// <summary>The error budget as a fraction of events: 1 − objective (0.001 for 99.9).</summary>
    public double ErrorBudget => 1 - (Objective / 100);
}
