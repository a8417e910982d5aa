namespace Monitoring.Core.Slo;

/// <summary>Good and total events (or time slices) in one window.</summary>
/// <param name="Good">Good events.</param>
/// <param name="Total">All events.</param>
public readonly record struct WindowCounts(long Good, long Total)
{
    /// <summary>No events at all.</summary>
    public static WindowCounts Empty { get; } = new(0, 0);

    /// <summary>Bad events.</summary>
    public long Bad => Total - Good;

    /// <summary>False for an empty window, which has no ratio: it is no-data, never a burn.</summary>
    public bool HasData => Total > 0;

    /// <summary>Adds two windows' counts.</summary>
    public static WindowCounts operator +(WindowCounts left, WindowCounts right) => new(left.Good + right.Good, left.Total + right.Total);

    /// <summary>Adds two windows' counts (the named form of <c>+</c>).</summary>
    public static WindowCounts Add(WindowCounts left, WindowCounts right) => left + right;
}
