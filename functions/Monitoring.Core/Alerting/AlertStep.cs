using System.Collections.Immutable;

namespace Monitoring.Core.Alerting;

/// <summary>The state to store and the transitions that storing it makes true.</summary>
internal sealed record AlertStep(AlertStatus Next, ImmutableArray<AlertTransition> Transitions);
