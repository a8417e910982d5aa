using System.Collections.Concurrent;
using Monitoring.Core.Spec;

namespace Monitoring.Functions.Execution;

/// <summary>
/// Decides which checks are due on a timer tick. The tick comes every 10 seconds; a check with a
/// longer interval is due on every n-th tick. Ticks may arrive a little early or late, so a
/// check counts as due slightly before its exact time rather than slipping a whole tick. A check
/// asked to confirm a failure (or a recovery) is due again on the very next tick.
/// </summary>
public sealed class CheckSchedule
{
    /// <summary>How early a tick may arrive and still run a check.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, DateTimeOffset> nextDue = new(StringComparer.Ordinal);

    /// <summary>Returns the enabled checks due at <paramref name="now"/> and books their next run.</summary>
    public IReadOnlyList<CheckSpec> TakeDue(IEnumerable<CheckSpec> checks, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var due = new List<CheckSpec>();
        foreach (var check in checks.Where(c => c.Enabled))
        {
            if (TryBook(nextDue, check.Name, check.Interval, now))
            {
                due.Add(check);
            }
        }

        return due;
    }

    /// <summary>
    /// True when <paramref name="name"/> is due at <paramref name="now"/> (never run, or its booked time is at most
    /// <see cref="Tolerance"/> away), booking its next run one <paramref name="interval"/> later. Shared with the data checks' schedule.
    /// </summary>
    internal static bool TryBook(ConcurrentDictionary<string, DateTimeOffset> nextDue, string name, TimeSpan interval, DateTimeOffset now)
    {
        if (nextDue.TryGetValue(name, out var at) && at - now > Tolerance)
        {
            return false;
        }

        nextDue[name] = now + interval;
        return true;
    }

    /// <summary>Makes <paramref name="checkName"/> due on the next tick, to confirm what its last run saw.</summary>
    public void ConfirmSoon(string checkName, DateTimeOffset now) => nextDue[checkName] = now;

    /// <summary>When <paramref name="checkName"/> is next due, if it has run.</summary>
    public DateTimeOffset? NextDue(string checkName) => nextDue.TryGetValue(checkName, out var at) ? at : null;
}
