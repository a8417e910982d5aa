using System.Collections.Immutable;

namespace Monitoring.Core.Spec;

/// <summary>What <see cref="SpecLoader.Load"/> found: the spec when it is valid, otherwise every error.</summary>
/// <param name="Spec">The mapped spec; null whenever there is any error.</param>
/// <param name="Errors">Every error found, ordered by line.</param>
public sealed record SpecLoadResult(MonitoringSpec? Spec, ImmutableArray<SpecError> Errors)
{
    /// <summary>True when the spec loaded without errors.</summary>
    public bool IsValid => Spec is not null && Errors.IsEmpty;
}
