using Monitoring.Core.Slo;

namespace Monitoring.Core.Backtest;

/// <summary>
/// A scenario's per-minute events with prefix sums, so any window's counts cost two subtractions: the backtest
/// asks for eight windows every simulated minute of a month and must stay fast.
/// </summary>
public sealed class BacktestSeries
{
    private readonly long[] _badPrefix;
    private readonly long[] _totalPrefix;
    private readonly int _warmUp;

    private BacktestSeries(WindowCounts[] minutes, int warmUp)
    {
        _warmUp = warmUp;
        _badPrefix = new long[minutes.Length + 1];
        _totalPrefix = new long[minutes.Length + 1];
        for (var i = 0; i < minutes.Length; i++)
        {
            _badPrefix[i + 1] = _badPrefix[i] + minutes[i].Bad;
            _totalPrefix[i + 1] = _totalPrefix[i] + minutes[i].Total;
        }
    }

    /// <summary>The scenario's minutes (the warm-up not included).</summary>
    public int Minutes => _badPrefix.Length - 1 - _warmUp;

    /// <summary>
    /// Generates (or replays) the scenario's minutes after a clean warm-up as long as the longest alerting window,
    /// so the first simulated minute sees full windows, as a service that has been running for a while would.
    /// The warm-up has no failures at all: detection times are then measured from a clean window (ALERTING.md).
    /// </summary>
    public static BacktestSeries For(BacktestScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var warmUp = WarmUpMinutes(scenario);
        var healthy = new WindowCounts(scenario.CheckRate, scenario.CheckRate);
        var minutes = new WindowCounts[warmUp + scenario.Minutes];
        Array.Fill(minutes, healthy, 0, warmUp);
        if (scenario.Series.Length > 0)
        {
            scenario.Series.CopyTo(minutes, warmUp);
            return new BacktestSeries(minutes, warmUp);
        }

        var random = new Random(scenario.Seed);
        var incident = 0;
        for (var minute = 0; minute < scenario.Minutes; minute++)
        {
            var offset = TimeSpan.FromMinutes(minute);
            while (incident < scenario.Incidents.Length && scenario.Incidents[incident].End <= offset)
            {
                incident++;
            }

            var active = incident < scenario.Incidents.Length && scenario.Incidents[incident].Start <= offset ? scenario.Incidents[incident] : null;
            minutes[warmUp + minute] = active switch
            {
                { Kind: BacktestIncidentKind.NoData } => WindowCounts.Empty,
                not null when active.IsOnAt(offset) => Draw(random, scenario.CheckRate, active.ErrorRate),
                _ => Draw(random, scenario.CheckRate, scenario.Background),
            };
        }

        return new BacktestSeries(minutes, warmUp);
    }

    /// <summary>The warm-up length: the SLO's longest alerting window, in minutes.</summary>
    public static int WarmUpMinutes(BacktestScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return (int)Math.Ceiling(scenario.Slo.Alerting.Windows.Max(p => p.LongWindow).TotalMinutes);
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

    /// <summary>All events in the scenario's minutes.</summary>
    public long Total => _totalPrefix[^1] - _totalPrefix[_warmUp];

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
