using System.Collections.Immutable;

namespace Monitoring.Core.Spec.Validation;

/// <summary>
/// What an SLO may name: every service, check and data check written in the spec, even one with its own errors, so a
/// mistake there is reported once and not again at each SLO that names it.
/// </summary>
/// <param name="Services">Every service named under <c>services</c>.</param>
/// <param name="Checks">Every check name under <c>checks</c>.</param>
/// <param name="DataChecks">Every data check name under <c>dataChecks</c>.</param>
/// <param name="DataChecksWithFreshness">The data checks among them written with a freshness rule, which a freshness SLI counts.</param>
internal sealed record SloReferences(
    ImmutableHashSet<string> Services,
    ImmutableHashSet<string> Checks,
    ImmutableHashSet<string> DataChecks,
    ImmutableHashSet<string> DataChecksWithFreshness);
