using System.Collections.Immutable;

namespace Monitoring.Core.Backtest;

/// <summary>One scenario's score.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Incidents">Each incident's result, by start.</param>
/// <param name="Pages">Page incidents opened during the scenario.</param>
/// <param name="FalsePages">Pages that matched no page-worthy incident.</param>
/// <param name="Notifications">All notifications during the scenario.</param>
public sealed record BacktestScenarioResult(BacktestScenario Scenario, ImmutableArray<BacktestIncidentResult> Incidents, int Pages, int FalsePages, int Notifications)
{
    /// <summary>Notifications sent while a maintenance window was open: always 0 when maintenance mutes.</summary>
    public int NotificationsInMaintenance { get; init; }

    /// <summary>Simulated days.</summary>
    public double Days => Scenario.Duration.TotalDays;
}
