using System.Collections.Immutable;

namespace Monitoring.Core.Spec;

/// <summary>One HTTP request of a check, with what to extract from its response and what to assert.</summary>
/// <param name="Name">Step name, unique within its check; reported as the failed step.</param>
/// <param name="Method">HTTP method, upper case.</param>
/// <param name="Url">Absolute URL template.</param>
/// <param name="Headers">Request headers (spec defaults first, then the step's own).</param>
/// <param name="Body">The request body, if any.</param>
/// <param name="Timeout">Request timeout for this step.</param>
/// <param name="DegradedAfter">A step slower than this makes the run Degraded; null disables.</param>
/// <param name="FollowRedirects">Whether 3xx responses are followed.</param>
/// <param name="Extractions">Variables this step sets for later steps.</param>
/// <param name="Assertions">Conditions on the response. With none on status, any status of 400 or more fails the step.</param>
/// <param name="Always">A cleanup step (e.g. logout): it runs even after an earlier step failed.</param>
public sealed record StepSpec(
    string Name,
    string Method,
    Template Url,
    ImmutableArray<HeaderSpec> Headers,
    RequestBody? Body,
    TimeSpan Timeout,
    TimeSpan? DegradedAfter,
    bool FollowRedirects,
    ImmutableArray<ExtractionSpec> Extractions,
    ImmutableArray<AssertionSpec> Assertions,
    bool Always);

/// <summary>A request header whose value may reference variables and environment values.</summary>
public sealed record HeaderSpec(string Name, Template Value);
