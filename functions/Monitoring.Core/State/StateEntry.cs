namespace Monitoring.Core.State;

/// <summary>One stored state value with its concurrency tag.</summary>
/// <param name="Partition">Groups related keys (e.g. "leases", "alerts").</param>
/// <param name="Key">Unique within the partition.</param>
/// <param name="Value">The value, usually JSON.</param>
/// <param name="ETag">Changes on every write; pass it back to write only if nobody else has.</param>
/// <param name="UpdatedAt">When it was last written (UTC).</param>
public sealed record StateEntry(string Partition, string Key, string Value, string ETag, DateTimeOffset UpdatedAt);
