namespace Monitoring.Core.Spec;

/// <summary>Good = a run of the check that did not fail (Healthy or Degraded).</summary>
/// <param name="Check">The check whose runs are the events.</param>
public sealed record AvailabilitySli(string Check) : SliSpec
{
    /// <inheritdoc/>
    public override string Kind => "availability";
}
