using Monitoring.Core.Alerting;
using Monitoring.Core.Ports;
using Monitoring.Functions.Hosting;

namespace Monitoring.Functions.Alerting;

/// <summary>
/// Watches that every enabled check keeps producing stored runs, and feeds each check's no-data alert to the
/// engine. It reads the store, not this instance's memory, so it also sees runs that another instance (or a queue
/// worker) was supposed to make. The heartbeat calls it once a minute.
/// </summary>
public sealed class CheckNoDataWatch(SpecProvider spec, ICheckRunHistory history, AlertingCycle alerting, TimeProvider time)
{
    // A fresh instance gives every check its grace period before calling it silent.
    private readonly DateTimeOffset watchingSince = time.GetUtcNow();

    /// <summary>Observes every check's no-data alert now; returns the names of the checks without recent runs.</summary>
    public async Task<IReadOnlyList<string>> ObserveAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var latest = await history.GetRecentRunsByCheckAsync(1, cancellationToken);
        var observations = spec.Spec.Checks.Select(check =>
        {
            var service = check.Service is { } name ? spec.Spec.Services.GetValueOrDefault(name) : null;
            var lastRunAt = latest.TryGetValue(check.Name, out var runs) && runs.Count > 0 ? runs[0].StartedAt : (DateTimeOffset?)null;
            return CheckAlerts.ObserveNoData(check, service, lastRunAt, watchingSince, now);
        }).ToList();
        await alerting.ObserveAsync(observations, now, cancellationToken);
        return [.. observations.Where(o => o.Breaching).Select(o => o.Definition.Labels["check"])];
    }
}
