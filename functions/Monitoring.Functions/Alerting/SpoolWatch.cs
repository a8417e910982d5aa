using Monitoring.Azure.Ingestion;

namespace Monitoring.Functions.Alerting;

/// <summary>
/// Once a minute (the heartbeat): delivers what the ingestion spool holds, oldest first, and feeds the
/// <c>spool-growing</c> alert, so rows that Log Analytics has not taken for a while page nobody silently.
/// Does nothing when results do not go to Log Analytics.
/// </summary>
public sealed class SpoolWatch(IServiceProvider services, AlertingCycle alerting, TimeProvider time)
{
    /// <summary>Flushes the spool and observes its alert; returns a line for the invocation log, or null without a spool.</summary>
    public async Task<string?> FlushAndObserveAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<SpoolingResultsWriter>() is not { } writer)
        {
            return null;
        }

        var flushed = await writer.FlushAsync(cancellationToken);
        var observation = await writer.ObserveAsync(cancellationToken);
        await alerting.ObserveAsync([observation], time.GetUtcNow(), cancellationToken);
        var delivered = flushed.Failure is null
            ? $"delivered {flushed.DeliveredRows} spooled rows"
            : $"delivered {flushed.DeliveredRows} spooled rows, then Log Analytics failed ({flushed.Failure.Status} {flushed.Failure.ErrorCode})";
        return $"Spool: {delivered}; {observation.Summary}";
    }
}
