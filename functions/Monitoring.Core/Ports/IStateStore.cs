using Monitoring.Core.State;

namespace Monitoring.Core.Ports;

/// <summary>
/// Small, strongly consistent key-value state (alerts, acks, silences, leases, cursors) with
/// optimistic concurrency, so two instances never both win the same claim.
/// SQLite locally, Azure Tables in Azure; both pass the same contract suite.
/// </summary>
public interface IStateStore
{
    /// <summary>The entry, or null.</summary>
    Task<StateEntry?> GetAsync(string partition, string key, CancellationToken cancellationToken);

    /// <summary>Every entry of <paramref name="partition"/>, ordered by key (ordinal).</summary>
    Task<IReadOnlyList<StateEntry>> ListAsync(string partition, CancellationToken cancellationToken);

    /// <summary>Writes the value if <paramref name="condition"/> holds; returns the new entry, or null when the condition failed.</summary>
    Task<StateEntry?> TryWriteAsync(string partition, string key, string value, StateWriteCondition condition, CancellationToken cancellationToken);

    /// <summary>Deletes the entry (only if its ETag matches, when one is given); true when something was deleted.</summary>
    Task<bool> DeleteAsync(string partition, string key, string? ifMatchETag, CancellationToken cancellationToken);
}
