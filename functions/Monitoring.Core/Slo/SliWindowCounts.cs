using System.Collections.Immutable;

namespace Monitoring.Core.Slo;

/// <summary>One SLO's good and total counts per window, or why it cannot be counted here.</summary>
/// <param name="SloName">The SLO.</param>
/// <param name="Windows">Counts keyed by window length; every window asked for is present (empty ones as zero).</param>
/// <param name="NotEvaluableReason">Why this reader cannot count the SLI (e.g. custom KQL read locally); null when it could.</param>
public sealed record SliWindowCounts(string SloName, ImmutableDictionary<TimeSpan, WindowCounts> Windows, string? NotEvaluableReason = null)
{
    /// <summary>True when the reader counted the SLI.</summary>
    public bool IsEvaluable => NotEvaluableReason is null;

    /// <summary>Counts for an SLI the reader cannot answer.</summary>
    public static SliWindowCounts NotEvaluable(string sloName, string reason) => new(sloName, ImmutableDictionary<TimeSpan, WindowCounts>.Empty, reason);

    /// <summary>The window's counts; empty when the window was not read.</summary>
    public WindowCounts this[TimeSpan window] => Windows.TryGetValue(window, out var counts) ? counts : WindowCounts.Empty;
}
