namespace Monitoring.Core.Slo;

/// <summary>What a firing burn-rate pair asks for.</summary>
public enum BurnRateSeverity
{
    /// <summary>Someone should look within a working day.</summary>
    Ticket,

    /// <summary>Wake someone up: the budget is going fast.</summary>
    Page,
}
