using System.Collections.Immutable;

namespace Monitoring.Core.Alerting;

/// <summary>
/// When an unacknowledged, unmuted incident is notified again. Routing owns the channels of each
/// level; the engine owns the timing and claims each escalation exactly once.
/// </summary>
/// <param name="Levels">Delays after the incident's first notification, ascending; level n is due at <c>Levels[n - 1]</c>.</param>
/// <param name="RepeatInterval">How often to repeat while nothing else was sent, or null for never.</param>
public sealed record EscalationPolicy(ImmutableArray<TimeSpan> Levels, TimeSpan? RepeatInterval);
