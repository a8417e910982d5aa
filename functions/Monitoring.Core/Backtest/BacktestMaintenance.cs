namespace Monitoring.Core.Backtest;

/// <summary>A maintenance window of a scenario: it mutes every alert, as a spec maintenance window would.</summary>
/// <param name="Start">Offset from the scenario's start.</param>
/// <param name="Duration">How long it lasts.</param>
public sealed record BacktestMaintenance(TimeSpan Start, TimeSpan Duration)
{
    /// <summary>Offset of the end (exclusive).</summary>
    public TimeSpan End => Start + Duration;
}
