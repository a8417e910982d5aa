namespace Monitoring.Core.Backtest;

/// <summary>What an incident deserves, by the budget it consumes (ALERTING.md, "Measuring alert quality").</summary>
public enum BacktestTruth
{
    /// <summary>Neither a page nor a ticket.</summary>
    Ignore,

    /// <summary>At least 10% of the budget in some 3-day span, and not page-worthy.</summary>
    Ticket,

    /// <summary>At least 2% of the budget in some 1-hour span, or at least 5% in some 6-hour span.</summary>
    Page,
}
