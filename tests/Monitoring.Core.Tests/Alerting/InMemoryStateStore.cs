using Monitoring.Core.Ports;
using Monitoring.Core.State;

namespace Monitoring.Core.Tests.Alerting;

/// <summary>
/// An <see cref="IStateStore"/> in memory that honours ETags like the real adapters, so engine tests
/// can race two instances on one storage. Every call yields first, so concurrent callers interleave
/// between their read and their conditional write as they would against a remote store.
/// </summary>
public sealed class InMemoryStateStore : IStateStore
{
    private readonly Dictionary<(string Partition, string Key), StateEntry> _entries = [];
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private long _version;

    public InMemoryStateStore(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    /// <summary>Conditional writes that lost to another writer, for tests that want proof of a race.</summary>
    public int LostWrites { get; private set; }

    public async Task<StateEntry?> GetAsync(string partition, string key, CancellationToken cancellationToken)
    {
        await Task.Yield();
        lock (_gate)
        {
            return _entries.GetValueOrDefault((partition, key));
        }
    }

    public async Task<IReadOnlyList<StateEntry>> ListAsync(string partition, CancellationToken cancellationToken)
    {
        await Task.Yield();
        lock (_gate)
        {
            return [.. _entries.Values.Where(e => e.Partition == partition).OrderBy(e => e.Key, StringComparer.Ordinal)];
        }
    }

    public async Task<StateEntry?> TryWriteAsync(string partition, string key, string value, StateWriteCondition condition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        await Task.Yield();
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

    public async Task<bool> DeleteAsync(string partition, string key, string? ifMatchETag, CancellationToken cancellationToken)
    {
        await Task.Yield();
        lock (_gate)
        {
            if (!_entries.TryGetValue((partition, key), out var existing) || (ifMatchETag is not null && existing.ETag != ifMatchETag))
            {
                return false;
            }

            return _entries.Remove((partition, key));
        }
    }
}
