using Monitoring.Core.Alerting;

namespace Monitoring.Core.Spec;

/// <summary>How a check's failing alert behaves: how bad, how many failed runs fire it, how it resolves.</summary>
/// <param name="Severity">critical pages, warning tickets, info is only recorded.</param>
/// <param name="FailureThreshold">Consecutive failed runs that fire it (failed runs are re-run on the next tick to confirm).</param>
/// <param name="SuccessThreshold">Consecutive good runs that resolve it.</param>
/// <param name="KeepFiringFor">How long after the last failure it keeps firing, so a flapping journey stays one incident; null resolves on the success threshold alone.</param>
public sealed record CheckAlertSpec(AlertSeverity Severity, int FailureThreshold, int SuccessThreshold, TimeSpan? KeepFiringFor)
{
    /// <summary>critical, 3 failed runs, 2 good runs and 10 minutes without a failure.</summary>
    public static CheckAlertSpec Default { get; } = new(AlertSeverity.Critical, 3, 2, TimeSpan.FromMinutes(10));
}
