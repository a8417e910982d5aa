using System.Collections.Immutable;

namespace Monitoring.Core.Spool;

/// <summary>What a spool holds: one entry per stream that holds rows or has dropped some, in ordinal order.</summary>
public sealed record SpoolSize(ImmutableArray<StreamSpoolSize> Streams)
{
    /// <summary>An empty spool.</summary>
    public static SpoolSize Empty { get; } = new(ImmutableArray<StreamSpoolSize>.Empty);

    /// <summary>Rows waiting, over every stream.</summary>
    public long Rows => Streams.Sum(s => s.Rows);

    /// <summary>Their UTF-8 bytes.</summary>
    public long Bytes => Streams.Sum(s => s.Bytes);

    /// <summary>When the oldest waiting row of any stream was appended, or null when none waits.</summary>
    public DateTimeOffset? OldestSpooledAt => Streams.Select(s => s.OldestSpooledAt).Where(t => t is not null).Min();

    /// <summary>Rows dropped over every stream because of the bound.</summary>
    public long DroppedRows => Streams.Sum(s => s.DroppedRows);

    /// <summary>The entry of <paramref name="stream"/>, or null when it holds and dropped nothing.</summary>
    public StreamSpoolSize? Of(string stream) => Streams.FirstOrDefault(s => s.Stream == stream);
}
