using Monitoring.Core.Slo;

namespace Monitoring.Core.Backtest;

/// <summary>
/// A scenario's per-minute events with prefix sums, so any window's counts cost two subtractions: the backtest
/// asks for eight windows every simulated minute of a month and must stay fast. It grows a minute at a time,
/// because check runs depend on what the alerting saw the minute before (confirmation runs).
/// </summary>
public sealed class BacktestSeries
{
    private readonly List<long> _badPrefix = [0];
    private readonly List<long> _totalPrefix = [0];
    private readonly int _warmUp;

    /// <summary>
    /// Starts a series with a clean warm-up as long as the longest alerting window, so the first simulated minute
    /// sees full windows, as a service that has been running for a while would. The warm-up has no failures at
    /// all: detection times are then measured from a clean window (ALERTING.md).
    /// </summary>
    public BacktestSeries(BacktestScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        _warmUp = WarmUpMinutes(scenario);
        var healthy = new WindowCounts(scenario.CheckRate, scenario.CheckRate);
        for (var i = 0; i < _warmUp; i++)
        {
            Append(healthy);
        }
    }

    /// <summary>The scenario's minutes so far (the warm-up not included).</summary>
    public int Minutes => _badPrefix.Count - 1 - _warmUp;

    /// <summary>All events in the scenario's minutes so far.</summary>
    public long Total => _totalPrefix[^1] - _totalPrefix[_warmUp];

    /// <summary>
    /// The whole series of a scenario whose events do not depend on the alerting: independent requests, drawn per
    /// minute, or a recorded series replayed as it is.
    /// </summary>
    public static BacktestSeries For(BacktestScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.SimulatesCheckRuns)
        {
            throw new ArgumentException("Check runs depend on the alerting; BacktestSimulator generates them.", nameof(scenario));
        }

        var series = new BacktestSeries(scenario);
        var random = new Random(scenario.Seed);
        for (var minute = 0; minute < scenario.Minutes; minute++)
        {
            series.Append(RequestMinute(scenario, random, minute));
        }

        return series;
    }

    /// <summary>One minute of independent requests (or the recorded minute, when the scenario replays a series).</summary>
    public static WindowCounts RequestMinute(BacktestScenario scenario, Random random, int minute)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(random);
        if (!scenario.Series.IsEmpty)
        {
            return scenario.Series[minute];
        }

        return scenario.ErrorRateAt(TimeSpan.FromMinutes(minute)) is { } errorRate
            ? Draw(random, scenario.CheckRate, errorRate)
            : WindowCounts.Empty;
    }

    /// <summary>The warm-up length: the SLO's longest alerting window, in minutes.</summary>
    public static int WarmUpMinutes(BacktestScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return (int)Math.Ceiling(scenario.Slo.Alerting.Windows.Max(p => p.LongWindow).TotalMinutes);
    }

    /// <summary>Adds the next minute.</summary>
    public void Append(WindowCounts minute)
    {
        _badPrefix.Add(_badPrefix[^1] + minute.Bad);
        _totalPrefix.Add(_totalPrefix[^1] + minute.Total);
    }

    /// <summary>
    /// The counts of the <paramref name="window"/> that ends with scenario minute <paramref name="minute"/>
    /// (inclusive), as the SQLite reader counts rows in (now − window, now].
    /// </summary>
    public WindowCounts Window(int minute, TimeSpan window)
    {
        var end = _warmUp + minute + 1;
        var start = Math.Max(0, end - (int)Math.Ceiling(window.TotalMinutes));
        var total = _totalPrefix[end] - _totalPrefix[start];
        return new WindowCounts(total - (_badPrefix[end] - _badPrefix[start]), total);
    }

    /// <summary>Bad events in scenario minutes [<paramref name="from"/>, <paramref name="to"/>), clipped to the scenario.</summary>
    public long Bad(int from, int to)
    {
        from = Math.Clamp(from, 0, Minutes);
        to = Math.Clamp(to, from, Minutes);
        return _badPrefix[_warmUp + to] - _badPrefix[_warmUp + from];
    }

    // Each event fails independently; whole failure and no failure skip the draws.
    private static WindowCounts Draw(Random random, int events, double errorRate)
    {
        if (errorRate <= 0)
        {
            return new WindowCounts(events, events);
        }

        if (errorRate >= 1)
        {
            return new WindowCounts(0, events);
        }

        var bad = 0;
        for (var i = 0; i < events; i++)
        {
            if (random.NextDouble() < errorRate)
            {
                bad++;
            }
        }

        return new WindowCounts(events - bad, events);
    }
}
