namespace Monitoring.Core.Spec;

/// <summary>Good = a run that did not fail and took at most <paramref name="Threshold"/>; a failed run is always bad.</summary>
/// <param name="Check">The check whose runs are the events.</param>
/// <param name="Threshold">The slowest good run.</param>
/// <param name="DegradedIsBad">True makes a Degraded run bad even when it was fast enough.</param>
public sealed record LatencySli(string Check, TimeSpan Threshold, bool DegradedIsBad) : SliSpec
{
    /// <inheritdoc/>
    public override string Kind => "latency";
}
