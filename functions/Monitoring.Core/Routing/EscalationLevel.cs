using System.Collections.Immutable;

namespace Monitoring.Core.Routing;

/// <summary>While an alert stays firing and unacknowledged for <paramref name="After"/>, also notify <paramref name="Channels"/>.</summary>
/// <param name="Level">1, 2, 3… in order.</param>
/// <param name="After">Time since the alert started firing.</param>
/// <param name="Channels">Who is told at this level.</param>
public sealed record EscalationLevel(int Level, TimeSpan After, ImmutableArray<string> Channels);
