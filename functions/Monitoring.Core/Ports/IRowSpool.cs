using Monitoring.Core.Spool;

namespace Monitoring.Core.Ports;

/// <summary>
/// A durable, bounded queue of result rows per stream, for rows not yet delivered to their store: rows are kept
/// before delivery is tried and deleted only once it succeeded, so delivery is at least once and oldest first.
/// SQLite locally, Azure Tables in Azure; both pass the same contract suite.
/// </summary>
/// <remarks>
/// Rows are opaque text (the JSON a stream takes). Each stream is bounded by <see cref="RowSpoolBound"/>: an append
/// that passes the bound drops that stream's oldest rows, and counts them, so the newest results always get in.
/// </remarks>
public interface IRowSpool
{
    /// <summary>The most each stream holds.</summary>
    RowSpoolBound Bound { get; }

    /// <summary>
    /// Adds <paramref name="rows"/> after the rows <paramref name="stream"/> already holds, in order; they are durable
    /// when the call returns. When the stream then passes its bound, its oldest rows are dropped and counted.
    /// </summary>
    Task AppendAsync(string stream, IReadOnlyList<string> rows, CancellationToken cancellationToken);

    /// <summary>The streams that hold rows, in ordinal order.</summary>
    Task<IReadOnlyList<string>> StreamsAsync(CancellationToken cancellationToken);

    /// <summary>At most <paramref name="maxRows"/> of the oldest rows of <paramref name="stream"/>, oldest first; they stay until acknowledged.</summary>
    Task<IReadOnlyList<SpooledRow>> ReadOldestAsync(string stream, int maxRows, CancellationToken cancellationToken);

    /// <summary>Deletes <paramref name="rows"/> (as read from <paramref name="stream"/>) once delivered; rows already gone are ignored.</summary>
    Task AcknowledgeAsync(string stream, IReadOnlyList<SpooledRow> rows, CancellationToken cancellationToken);

    /// <summary>How much every stream holds and has dropped: what the spool alert watches.</summary>
    Task<SpoolSize> SizeAsync(CancellationToken cancellationToken);
}
