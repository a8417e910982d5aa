namespace Monitoring.Core.Backtest;

/// <summary>One injected (or, for a recorded series, labelled) incident of a backtest scenario.</summary>
/// <param name="Start">Offset from the scenario's start.</param>
/// <param name="Duration">How long it lasts.</param>
/// <param name="ErrorRate">The share of events that fail while it is on, 0 to 1; ignored for <see cref="BacktestIncidentKind.NoData"/>.</param>
/// <param name="Kind">Failing events or no events.</param>
/// <param name="Flapping">On/off phases within the incident, or null when it is on throughout.</param>
public sealed record BacktestIncident(TimeSpan Start, TimeSpan Duration, double ErrorRate, BacktestIncidentKind Kind, BacktestFlapping? Flapping)
{
    /// <summary>Offset of the end (exclusive).</summary>
    public TimeSpan End => Start + Duration;

    /// <summary>True when the incident is in a bad phase at <paramref name="offset"/> (which must lie inside it).</summary>
    public bool IsOnAt(TimeSpan offset)
    {
        if (Flapping is null)
        {
            return true;
        }

        var cycle = (Flapping.On + Flapping.Off).Ticks;
        return (offset - Start).Ticks % cycle < Flapping.On.Ticks;
    }
}
