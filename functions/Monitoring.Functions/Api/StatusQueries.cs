using Monitoring.Core.Ports;
using Monitoring.Functions.Hosting;

namespace Monitoring.Functions.Api;

/// <summary>Builds the status of every check from the spec and the run history; shared by the API and the status page.</summary>
public sealed class StatusQueries(SpecProvider spec, ICheckRunHistory history, TimeProvider time)
{
    /// <summary>Every check with its newest <paramref name="runsPerCheck"/> runs.</summary>
    public async Task<StatusView> GetStatusAsync(int runsPerCheck, CancellationToken cancellationToken)
    {
        var recent = await history.GetRecentRunsByCheckAsync(runsPerCheck, cancellationToken);
        var checks = spec.Spec.Checks
            .Select(check => CheckStatusView.From(check, recent.TryGetValue(check.Name, out var runs) ? runs : []))
            .ToList();
        var summary = checks.GroupBy(c => c.LastOutcome).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new StatusView(time.GetUtcNow(), summary, checks);
    }
}
