using System.Collections.Immutable;

namespace Monitoring.Core.Spec.Validation;

/// <summary>The spec names of assertion targets and operators, and which operators make sense for which target.</summary>
internal static class AssertionRules
{
    /// <summary>Target by its spec key.</summary>
    public static ImmutableDictionary<string, AssertionTarget> Targets { get; } = new Dictionary<string, AssertionTarget>(StringComparer.Ordinal)
    {
        ["status"] = AssertionTarget.Status,
        ["latency"] = AssertionTarget.Latency,
        ["body"] = AssertionTarget.Body,
        ["certDaysLeft"] = AssertionTarget.CertificateDaysLeft,
        ["header"] = AssertionTarget.Header,
        ["json"] = AssertionTarget.Json,
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>Operator by its spec key.</summary>
    public static ImmutableDictionary<string, AssertionOperator> Operators { get; } = new Dictionary<string, AssertionOperator>(StringComparer.Ordinal)
    {
        ["equals"] = AssertionOperator.Equals,
        ["notEquals"] = AssertionOperator.NotEquals,
        ["lessThan"] = AssertionOperator.LessThan,
        ["lessThanOrEqual"] = AssertionOperator.LessThanOrEqual,
        ["greaterThan"] = AssertionOperator.GreaterThan,
        ["greaterThanOrEqual"] = AssertionOperator.GreaterThanOrEqual,
        ["contains"] = AssertionOperator.Contains,
        ["notContains"] = AssertionOperator.NotContains,
        ["matches"] = AssertionOperator.Matches,
        ["exists"] = AssertionOperator.Exists,
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>True for targets written as <c>target: selector</c> with the operator beside them.</summary>
    public static bool HasSelector(AssertionTarget target) => target is AssertionTarget.Header or AssertionTarget.Json;

    /// <summary>True when <paramref name="op"/> can be evaluated on <paramref name="target"/>.</summary>
    public static bool Applies(AssertionTarget target, AssertionOperator op) => op switch
    {
        AssertionOperator.Equals or AssertionOperator.NotEquals => true,
        AssertionOperator.LessThan or AssertionOperator.LessThanOrEqual or AssertionOperator.GreaterThan or AssertionOperator.GreaterThanOrEqual =>
            target is AssertionTarget.Status or AssertionTarget.Latency or AssertionTarget.CertificateDaysLeft or AssertionTarget.Json,
        AssertionOperator.Contains or AssertionOperator.NotContains or AssertionOperator.Matches =>
            target is AssertionTarget.Body or AssertionTarget.Header or AssertionTarget.Json,
        AssertionOperator.Exists => target is AssertionTarget.Header or AssertionTarget.Json,
        _ => false,
    };

    /// <summary>The spec keys of the operators that apply to <paramref name="target"/>, in spec order.</summary>
    public static IEnumerable<string> OperatorsFor(AssertionTarget target) =>
        SpecFields.AssertionOperators.Where(key => Applies(target, Operators[key]));

    /// <summary>True for the numeric comparisons.</summary>
    public static bool IsNumeric(AssertionOperator op) =>
        op is AssertionOperator.LessThan or AssertionOperator.LessThanOrEqual or AssertionOperator.GreaterThan or AssertionOperator.GreaterThanOrEqual;
}
