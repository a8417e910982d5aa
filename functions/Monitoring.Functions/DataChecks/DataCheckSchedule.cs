using System.Collections.Concurrent;
using Monitoring.Core.Spec;

namespace Monitoring.Functions.DataChecks;

/// <summary>
/// Decides which data checks are due on a timer tick, as <see cref="Execution.CheckSchedule"/> does for synthetic
/// checks: a data check is due once its interval has passed, a tick of tolerance early rather than a tick late.
/// </summary>
public sealed class DataCheckSchedule
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> nextDue = new(StringComparer.Ordinal);

    /// <summary>Returns the enabled data checks due at <paramref name="now"/> and books their next read.</summary>
    public IReadOnlyList<DataCheckSpec> TakeDue(IEnumerable<DataCheckSpec> checks, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(checks);
        return [.. checks.Where(c => c.Enabled && Execution.CheckSchedule.TryBook(nextDue, c.Name, c.Interval, now))];
    }
}
