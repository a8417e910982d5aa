namespace Monitoring.Core.Alerting;

/// <summary>How urgent an alert is; maps to Azure Sev1, Sev2 and Sev3.</summary>
public enum AlertSeverity
{
    /// <summary>Pages someone (Sev1).</summary>
    Critical,

    /// <summary>Opens a ticket (Sev2).</summary>
    Warning,

    /// <summary>Recorded and shown; nobody is paged (Sev3).</summary>
    Info,
}
