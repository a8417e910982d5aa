using System.Collections.Immutable;

namespace Monitoring.Core.DataChecks;

/// <summary>A half-open time range [<see cref="From"/>, <see cref="To"/>) a source counts rows in.</summary>
/// <param name="From">Inclusive start.</param>
/// <param name="To">Exclusive end.</param>
public readonly record struct DataRange(DateTimeOffset From, DateTimeOffset To);

/// <summary>What one read of a source must answer, derived from the check's rules by <see cref="DataCheckPlan"/>.</summary>
/// <param name="Now">The instant of the read.</param>
/// <param name="Timeout">How long the read may take, connecting included.</param>
/// <param name="LastUpdated">True when the last-updated time is needed (freshness).</param>
/// <param name="Ranges">The ranges to count rows (and bytes) in, in order (volume, then anomaly's current and training windows).</param>
/// <param name="Schema">True when the schema is needed.</param>
/// <param name="RunsSince">Pipeline runs that started at or after this; null when runs are not needed.</param>
public sealed record DataReadRequest(
    DateTimeOffset Now,
    TimeSpan Timeout,
    bool LastUpdated,
    ImmutableArray<DataRange> Ranges,
    bool Schema,
    DateTimeOffset? RunsSince);
