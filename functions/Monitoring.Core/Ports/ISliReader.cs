using Monitoring.Core.Slo;

namespace Monitoring.Core.Ports;

/// <summary>
/// Counts good and total SLI events per window for many SLOs at once. Shaped so that a store answers a whole
/// evaluation cycle in one round trip: one SQL statement on SQLite, one KQL query on Log Analytics.
/// </summary>
public interface ISliReader
{
    /// <summary>
    /// For each query, in order: good and total events in each window (<c>now − window</c>, <c>now</c>], or a reason the
    /// SLI cannot be counted by this reader. Timeslice queries count one-minute slices instead of events.
    /// </summary>
    Task<IReadOnlyList<SliWindowCounts>> ReadAsync(IReadOnlyList<SliQuery> queries, DateTimeOffset now, IReadOnlyList<TimeSpan> windows, CancellationToken cancellationToken);
}
