namespace Monitoring.Functions.Execution;

/// <summary>Figures about the latest check cycle, reported by the heartbeat.</summary>
public sealed class CycleStatistics
{
    private long lastCycleTicks;

    /// <summary>How long the latest cycle took.</summary>
    public TimeSpan LastCycle => TimeSpan.FromTicks(Interlocked.Read(ref lastCycleTicks));

    /// <summary>Records a finished cycle.</summary>
    public void Record(TimeSpan duration) => Interlocked.Exchange(ref lastCycleTicks, duration.Ticks);
}
