namespace Monitoring.Core.Backtest;

/// <summary>Where a scenario's events come from, which decides how they are generated.</summary>
public enum BacktestEvents
{
    /// <summary>
    /// Synthetic check runs, as the product makes them: a run at each interval, plus a confirmation run on the next
    /// 10-second tick after a failure the check's failing alert has not fired for yet, or after a recovery of a
    /// firing one (<see cref="Alerting.CheckAlerts.NeedsConfirmation"/>). The check's failing alert runs in the same
    /// engine and pages too.
    /// </summary>
    Checks,

    /// <summary>Independent requests (real traffic), drawn per minute; no check alert.</summary>
    Requests,
}
