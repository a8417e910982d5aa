using System.Globalization;
using Monitoring.Core.Checks;
using Monitoring.Functions.Alerting;
using Monitoring.Functions.Execution;
using Monitoring.Functions.Hosting;
using Monitoring.Functions.Invocation;
using Monitoring.Functions.Notifications;

namespace Monitoring.Functions.SyntheticChecks;

/// <summary>The 10-second timer: runs the checks that are due, stores their results, and sends the email digests that are due.</summary>
public sealed class SyntheticChecksFunction(
    SpecProvider spec,
    CheckSchedule schedule,
    CheckExecutor executor,
    CycleStatistics statistics,
    AlertingCycle alerting,
    MonitoringOptions options,
    EmailDigestFlusher emails,
    TimeProvider time) : IFunctionHandler
{
    /// <inheritdoc/>
    public string FunctionName => "SyntheticChecks";

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        // With the queue fan-out, CheckDispatch takes the due checks; this tick keeps the alerting's own timing.
        IReadOnlyList<Core.Spec.CheckSpec> due = options.FanOut ? [] : schedule.TakeDue(spec.Spec.Checks, time.GetUtcNow());
        var runs = await executor.RunManyAsync(due, cancellationToken);
        await alerting.ReconcileAsync(time.GetUtcNow(), cancellationToken);
        await alerting.EscalateAsync(time.GetUtcNow(), cancellationToken);
        await emails.FlushAsync(cancellationToken);
        var elapsed = time.GetElapsedTime(started);
        statistics.Record(elapsed);

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Ran {runs.Count} of {due.Count} due checks in {elapsed.TotalMilliseconds:0} ms: " +
            $"{runs.Count(r => r.Outcome == CheckOutcome.Healthy)} Healthy, " +
            $"{runs.Count(r => r.Outcome == CheckOutcome.Degraded)} Degraded, " +
            $"{runs.Count(r => r.Outcome == CheckOutcome.Failed)} Failed.");
        return [summary];
    }
}
