using System.Collections.Immutable;
using Monitoring.Core.Slo;
using Monitoring.Core.Spec;

namespace Monitoring.Core.Backtest;

/// <summary>One simulated history to run the alerting through: an SLO, a traffic shape and the incidents injected into it.</summary>
/// <param name="Name">Unique name in the suite (the file name, plus <c>#seed</c> when the file lists several seeds).</param>
/// <param name="Slo">The SLO under test, with the product's default burn-rate windows for its period.</param>
/// <param name="CheckRate">Events per minute when nothing is wrong.</param>
/// <param name="Duration">Simulated time, a whole number of minutes.</param>
/// <param name="Background">The chance that any one event fails outside incidents (0 to 1).</param>
/// <param name="Seed">Seeds the random failures, so every run of a scenario is the same.</param>
/// <param name="Incidents">The incidents, by start.</param>
/// <param name="Series">Recorded per-minute counts to replay instead of generating them; empty to generate.</param>
public sealed record BacktestScenario(
    string Name,
    SloSpec Slo,
    int CheckRate,
    TimeSpan Duration,
    double Background,
    int Seed,
    ImmutableArray<BacktestIncident> Incidents,
    ImmutableArray<WindowCounts> Series)
{
    /// <summary>The simulated minutes.</summary>
    public int Minutes => (int)Duration.TotalMinutes;
}
