using System.Collections.Immutable;

namespace Monitoring.Core.Spec.Validation;

/// <summary>
/// The fields the loader accepts at each level of the spec. The JSON Schema lists the same
/// names; a test keeps the two in step.
/// </summary>
internal static class SpecFields
{
    /// <summary>The naming rule of <see cref="Template.IsIdentifier"/>, as the JSON Schema writes it.</summary>
    public const string NamePattern = "^[A-Za-z][A-Za-z0-9_-]*$";

    /// <summary>Top-level sections a later version will define; rejected today with a clear message.</summary>
    public static ImmutableArray<string> Reserved { get; } = ["dataChecks", "slos", "notifications", "maintenance"];

    /// <summary>The top level (reserved sections excluded).</summary>
    public static ImmutableArray<string> TopLevel { get; } = ["version", "defaults", "services", "checks"];

    /// <summary>The <c>defaults</c> section.</summary>
    public static ImmutableArray<string> Defaults { get; } =
        ["interval", "timeout", "retries", "maxDuration", "degradedAfter", "location", "concurrency", "followRedirects", "headers", "variables"];

    /// <summary>One service under <c>services</c>.</summary>
    public static ImmutableArray<string> Service { get; } = ["team", "tier", "runbook", "description"];

    /// <summary>One item of <c>checks</c>.</summary>
    public static ImmutableArray<string> Check { get; } =
        ["name", "service", "description", "enabled", "interval", "retries", "maxDuration", "degradedAfter", "location", "tls", "labels", "variables", "request", "steps"];

    /// <summary>A check's <c>tls</c> section.</summary>
    public static ImmutableArray<string> Tls { get; } = ["verify"];

    /// <summary>One item of a check's <c>steps</c>.</summary>
    public static ImmutableArray<string> Step { get; } =
        ["name", "method", "url", "headers", "body", "timeout", "degradedAfter", "followRedirects", "extract", "assertions", "always"];

    /// <summary>A check's single <c>request</c>: a step without a name (it takes the check's).</summary>
    public static ImmutableArray<string> Request { get; } = [.. Step.Where(f => f != "name")];

    /// <summary>A step's <c>body</c>.</summary>
    public static ImmutableArray<string> Body { get; } = ["json", "form", "raw", "contentType"];

    /// <summary>The body kinds, exactly one of which a body has.</summary>
    public static ImmutableArray<string> BodyKinds { get; } = ["json", "form", "raw"];

    /// <summary>One entry of a step's <c>extract</c>.</summary>
    public static ImmutableArray<string> Extraction { get; } = ["json", "header", "regex", "group"];

    /// <summary>The extraction sources, exactly one of which an extraction has.</summary>
    public static ImmutableArray<string> ExtractionSources { get; } = ["json", "header", "regex"];

    /// <summary>Assertion targets, exactly one of which an assertion has.</summary>
    public static ImmutableArray<string> AssertionTargets { get; } = ["status", "latency", "body", "certDaysLeft", "header", "json"];

    /// <summary>Assertion operators, exactly one of which an assertion has.</summary>
    public static ImmutableArray<string> AssertionOperators { get; } =
        ["equals", "notEquals", "lessThan", "lessThanOrEqual", "greaterThan", "greaterThanOrEqual", "contains", "notContains", "matches", "exists"];

    /// <summary>One item of a step's <c>assertions</c>: a target, the operators that may sit beside a selector, and severity.</summary>
    public static ImmutableArray<string> Assertion { get; } = [.. AssertionTargets, .. AssertionOperators, "severity"];

    /// <summary>The HTTP methods a step may use.</summary>
    public static ImmutableArray<string> Methods { get; } = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

    /// <summary>Assertion severities.</summary>
    public static ImmutableArray<string> Severities { get; } = ["fail", "degrade"];
}
