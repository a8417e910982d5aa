using System.Collections.Immutable;
using Monitoring.Core.Alerting;

namespace Monitoring.Core.Backtest;

/// <summary>One scenario run through the engine: its events and every notifying transition, in order.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Series">Its per-minute events.</param>
/// <param name="Notifications">Every transition whose <see cref="AlertTransition.Notify"/> is not None.</param>
public sealed record BacktestRun(BacktestScenario Scenario, BacktestSeries Series, ImmutableArray<AlertTransition> Notifications)
{
    /// <summary>The instant the scenario starts (offset zero): a fixed, readable UTC instant.</summary>
    public static DateTimeOffset Start { get; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
