using Monitoring.Core.Spec;

namespace Monitoring.Core.Slo;

/// <summary>One SLO's share of an SLI read: what to count and how.</summary>
/// <param name="SloName">The SLO the counts are for.</param>
/// <param name="Sli">What makes an event good.</param>
/// <param name="Budgeting">Count events, or one-minute slices.</param>
public sealed record SliQuery(string SloName, SliSpec Sli, SloBudgeting Budgeting)
{
    /// <summary>The query for <paramref name="slo"/>.</summary>
    public static SliQuery For(SloSpec slo)
    {
        ArgumentNullException.ThrowIfNull(slo);
        return new SliQuery(slo.Name, slo.Sli, slo.Budgeting);
    }
}
