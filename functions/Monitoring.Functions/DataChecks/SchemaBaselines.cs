using System.Collections.Immutable;
using System.Text.Json;
using Monitoring.Core.DataChecks;
using Monitoring.Core.Ports;
using Monitoring.Core.State;

namespace Monitoring.Functions.DataChecks;

/// <summary>
/// The accepted schema of each data check (its baseline) and the schema it saw last, in the state store so every
/// instance agrees and a restart forgets nothing. The first schema seen becomes the baseline; after that only a
/// person changes it, by accepting what was observed.
/// </summary>
public sealed class SchemaBaselines(IStateStore store)
{
    /// <summary>The state store partition.</summary>
    public const string Partition = "data-schema";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The accepted schema of <paramref name="checkName"/>; default when none is stored yet.</summary>
    public async Task<ImmutableArray<SchemaColumn>> GetBaselineAsync(string checkName, CancellationToken cancellationToken) =>
        await ReadAsync(BaselineKey(checkName), cancellationToken);

    /// <summary>The schema <paramref name="checkName"/> saw last; default when it has not read one yet.</summary>
    public async Task<ImmutableArray<SchemaColumn>> GetObservedAsync(string checkName, CancellationToken cancellationToken) =>
        await ReadAsync(ObservedKey(checkName), cancellationToken);

    /// <summary>Records what a read saw; the first schema ever seen also becomes the baseline.</summary>
    public async Task RecordObservedAsync(string checkName, ImmutableArray<SchemaColumn> observed, CancellationToken cancellationToken)
    {
        var text = JsonSerializer.Serialize(observed, Json);
        await store.TryWriteAsync(Partition, ObservedKey(checkName), text, StateWriteCondition.Always, cancellationToken);
        await store.TryWriteAsync(Partition, BaselineKey(checkName), text, StateWriteCondition.IfAbsent, cancellationToken);
    }

    /// <summary>Makes the schema seen last the baseline; returns it, or default when nothing has been observed to accept.</summary>
    public async Task<ImmutableArray<SchemaColumn>> AcceptObservedAsync(string checkName, CancellationToken cancellationToken)
    {
        var observed = await GetObservedAsync(checkName, cancellationToken);
        if (observed.IsDefault)
        {
            return default;
        }

        await store.TryWriteAsync(Partition, BaselineKey(checkName), JsonSerializer.Serialize(observed, Json), StateWriteCondition.Always, cancellationToken);
        return observed;
    }

    private async Task<ImmutableArray<SchemaColumn>> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var entry = await store.GetAsync(Partition, key, cancellationToken);
        return entry is null ? default : [.. JsonSerializer.Deserialize<SchemaColumn[]>(entry.Value, Json) ?? []];
    }

    private static string BaselineKey(string checkName) => "baseline:" + checkName;

    private static string ObservedKey(string checkName) => "observed:" + checkName;
}
