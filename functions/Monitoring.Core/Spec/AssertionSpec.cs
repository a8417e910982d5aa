namespace Monitoring.Core.Spec;

/// <summary>What part of a response an assertion looks at.</summary>
public enum AssertionTarget
{
    /// <summary>The HTTP status code.</summary>
    Status,

    /// <summary>The step's duration, in milliseconds.</summary>
    Latency,

    /// <summary>A response header, selected by name.</summary>
    Header,

    /// <summary>The response body as text.</summary>
    Body,

    /// <summary>A JSON value selected by JSONPath.</summary>
    Json,

    /// <summary>Whole days left until the server certificate expires.</summary>
    CertificateDaysLeft,
}

/// <summary>How the actual value is compared with the expected one.</summary>
public enum AssertionOperator
{
    /// <summary>Equal (numbers numerically, text ordinally).</summary>
    Equals,

    /// <summary>Not equal.</summary>
    NotEquals,

    /// <summary>Numerically less than.</summary>
    LessThan,

    /// <summary>Numerically less than or equal.</summary>
    LessThanOrEqual,

    /// <summary>Numerically greater than.</summary>
    GreaterThan,

    /// <summary>Numerically greater than or equal.</summary>
    GreaterThanOrEqual,

    /// <summary>Text contains the expected text (ordinal).</summary>
    Contains,

    /// <summary>Text does not contain the expected text.</summary>
    NotContains,

    /// <summary>Text matches the expected regular expression.</summary>
    Matches,

    /// <summary>The header or JSON value is present (expected is "true") or absent ("false").</summary>
    Exists,
}

/// <summary>What a failed assertion does to the run.</summary>
public enum AssertionSeverity
{
    /// <summary>The step and the run fail.</summary>
    Fail,

    /// <summary>The run is Degraded but the journey goes on.</summary>
    Degrade,
}

/// <summary>A condition on a step's response.</summary>
/// <param name="Target">What is looked at.</param>
/// <param name="Selector">The header name or JSONPath, for <see cref="AssertionTarget.Header"/> and <see cref="AssertionTarget.Json"/>.</param>
/// <param name="Operator">How to compare.</param>
/// <param name="Expected">The expected value, as a template (variables allowed). Latency in milliseconds.</param>
/// <param name="Severity">Fail or degrade when it does not hold.</param>
public sealed record AssertionSpec(
    AssertionTarget Target,
    string? Selector,
    AssertionOperator Operator,
    Template Expected,
    AssertionSeverity Severity);
