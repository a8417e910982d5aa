namespace Monitoring.Core.Slo;

/// <summary>The strongest burn-rate alert an SLO has right now.</summary>
public enum SloAlertState
{
    /// <summary>No pair fires.</summary>
    None,

    /// <summary>A ticket pair fires and no page pair does.</summary>
    Ticket,

    /// <summary>A page pair fires.</summary>
    Page,
}
