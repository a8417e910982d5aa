using Monitoring.Core.Ports;

namespace Monitoring.Core.State;

/// <summary>
/// An <see cref="IStateStore"/> in memory that honours ETags like the real adapters: the backtest runs
/// the real alert engine on it in simulated time, and engine tests race two instances on one storage.
/// Every call yields first (unless told not to), so concurrent callers interleave between their read
/// and their conditional write as they would against a remote store.
/// </summary>
public sealed class InMemoryStateStore : IStateStore
{
    private readonly Dictionary<(string Partition, string Key), StateEntry> _entries = [];
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly bool _yield;
    private long _version;

    /// <summary>Creates an empty store.</summary>
    /// <param name="time">Stamps each entry's write time; the system clock by default.</param>
    /// <param name="yieldOnEachCall">
    /// Yield before each call so racing callers interleave like remote ones; a single caller (the backtest)
    /// switches it off because it only costs time there.
    /// </param>
    public InMemoryStateStore(TimeProvider? time = null, bool yieldOnEachCall = true)
    {
        _time = time ?? TimeProvider.System;
        _yield = yieldOnEachCall;
    }

    /// <summary>Conditional writes that lost to another writer, for tests that want proof of a race.</summary>
    public int LostWrites { get; private set; }

    /// <inheritdoc/>
    public async Task<StateEntry?> GetAsync(string partition, string key, CancellationToken cancellationToken)
    {
        await YieldAsync();
        lock (_gate)
        {
            return _entries.GetValueOrDefault((partition, key));
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<StateEntry>> ListAsync(string partition, CancellationToken cancellationToken)
    {
        await YieldAsync();
        lock (_gate)
        {
            return [.. _entries.Values.Where(e => e.Partition == partition).OrderBy(e => e.Key, StringComparer.Ordinal)];
        }
    }

    /// <inheritdoc/>
    public async Task<StateEntry?> TryWriteAsync(string partition, string key, string value, StateWriteCondition condition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        await YieldAsync();
        lock (_gate)
        {
            var existing = _entries.GetValueOrDefault((partition, key));
            var allowed = condition switch
            {
                { MustBeAbsent: true } => existing is null,
                { IfMatchETag: { } etag } => existing?.ETag == etag,
                _ => true,
            };
            if (!allowed)
            {
                LostWrites++;
                return null;
            }

            var entry = new StateEntry(partition, key, value, $"v{++_version}", _time.GetUtcNow());
            _entries[(partition, key)] = entry;
            return entry;
        }
    }

    /// <inheritdoc/>
    public async Task<bool> DeleteAsync(string partition, string key, string? ifMatchETag, CancellationToken cancellationToken)
    {
        await YieldAsync();
        lock (_gate)
        {
            if (!_entries.TryGetValue((partition, key), out var existing) || (ifMatchETag is not null && existing.ETag != ifMatchETag))
            {
                return false;
            }

            return _entries.Remove((partition, key));
        }
    }

    private async Task YieldAsync()
    {
        if (_yield)
        {
            await Task.Yield();
        }
    }
}
