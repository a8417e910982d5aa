namespace Monitoring.Core.Spec;

/// <summary>What makes an event good for an SLO. One subtype per SLI kind in the spec.</summary>
public abstract record SliSpec
{
    /// <summary>The kind as the spec writes it: availability, latency, freshness or kql.</summary>
    public abstract string Kind { get; }
}
