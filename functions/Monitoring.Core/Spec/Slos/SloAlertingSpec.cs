using System.Collections.Immutable;
using Monitoring.Core.Slo;

namespace Monitoring.Core.Spec;

/// <summary>How an SLO alerts: its multiwindow burn-rate pairs and its low-traffic guard.</summary>
/// <param name="Windows">The pairs, defaults already scaled to the SLO's period.</param>
/// <param name="MinBadEvents">
/// The low-traffic policy: a pair fires only when its long AND its short window each hold at least this many bad
/// events, so one isolated failed run never alerts however few runs there are (see docs/ALERTING-QUALITY.md).
/// </param>
/// <param name="CustomWindows">True when the spec listed its own pairs instead of the defaults.</param>
public sealed record SloAlertingSpec(ImmutableArray<BurnRateWindowPair> Windows, int MinBadEvents, bool CustomWindows)
{
    /// <summary>The default <see cref="MinBadEvents"/>: two bad events, which for a check that runs at most once a minute are two distinct bad runs.</summary>
    public const int DefaultMinBadEvents = 2;
}
