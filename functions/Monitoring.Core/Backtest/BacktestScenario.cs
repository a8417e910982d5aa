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
    /// <summary>Check runs (the default) or independent requests; a recorded series is replayed either way.</summary>
    public BacktestEvents Events { get; init; } = BacktestEvents.Checks;

    /// <summary>The check's failing alert, for <see cref="BacktestEvents.Checks"/>: the product's defaults unless the scenario says.</summary>
    public CheckAlertSpec CheckAlert { get; init; } = CheckAlertSpec.Default;

    /// <summary>Maintenance windows, by start: every alert is muted inside them.</summary>
    public ImmutableArray<BacktestMaintenance> Maintenance { get; init; } = [];

    /// <summary>The simulated minutes.</summary>
    public int Minutes => (int)Duration.TotalMinutes;

    /// <summary>True when the check runs and its failing alert are simulated (check events, nothing replayed).</summary>
    public bool SimulatesCheckRuns => Events == BacktestEvents.Checks && Series.IsEmpty;

    /// <summary>The incident going on at <paramref name="offset"/>, or null.</summary>
    public BacktestIncident? IncidentAt(TimeSpan offset)
    {
        foreach (var incident in Incidents)
        {
            if (incident.Start <= offset && offset < incident.End)
            {
                return incident;
            }
        }

        return null;
    }

    /// <summary>The chance that one event at <paramref name="offset"/> fails, or null when no events happen then (no data).</summary>
    public double? ErrorRateAt(TimeSpan offset) => IncidentAt(offset) switch
    {
        { Kind: BacktestIncidentKind.NoData } => null,
        { } incident when incident.IsOnAt(offset) => incident.ErrorRate,
        _ => Background,
    };

    /// <summary>True when <paramref name="offset"/> lies in a maintenance window.</summary>
    public bool InMaintenance(TimeSpan offset) => Maintenance.Any(w => w.Start <= offset && offset < w.End);
}
