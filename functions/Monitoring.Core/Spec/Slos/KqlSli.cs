namespace Monitoring.Core.Spec;

/// <summary>Good and total events counted by custom Log Analytics queries; only the Azure adapter can answer it.</summary>
/// <param name="Good">A KQL query returning the good events.</param>
/// <param name="Total">A KQL query returning all events.</param>
public sealed record KqlSli(string Good, string Total) : SliSpec
{
    /// <inheritdoc/>
    public override string Kind => "kql";
}
