namespace Monitoring.Core.Backtest;

/// <summary>What a backtest incident does to the events of its minutes.</summary>
public enum BacktestIncidentKind
{
    /// <summary>Events keep arriving and a share of them fail (<see cref="BacktestIncident.ErrorRate"/>).</summary>
    Errors,

    /// <summary>No events at all: the checks stopped reporting. Consumes no budget; it is the no-data alert's case.</summary>
    NoData,
}
