using System.Collections.Immutable;
using Monitoring.Core.Spec;

namespace Monitoring.Functions.Tests.Support;

/// <summary>Check and step specs built in code, with sensible defaults, for tests that do not go through the loader.</summary>
public static class TestCheckSpecs
{
    /// <summary>A check named <paramref name="name"/> running <paramref name="steps"/> once (no retries) within 30 s.</summary>
    public static CheckSpec Check(string name, params StepSpec[] steps) => new(
        Name: name,
        Service: null,
        Description: null,
        Enabled: true,
        Interval: TimeSpan.FromMinutes(1),
        Retries: 0,
        MaxDuration: TimeSpan.FromSeconds(30),
        DegradedAfter: null,
        VerifyTls: true,
        Location: "test",
        Labels: ImmutableDictionary<string, string>.Empty,
        Variables: [],
        Steps: [.. steps]);

    /// <summary>A GET step with a 10 s timeout that follows redirects and asserts nothing.</summary>
    public static StepSpec Step(string name, string url) => new(
        Name: name,
        Method: "GET",
        Url: Template.Parse(url),
        Headers: [],
        Body: null,
        Timeout: TimeSpan.FromSeconds(10),
        DegradedAfter: null,
        FollowRedirects: true,
        Extractions: [],
        Assertions: [],
        Always: false);

    /// <summary>A variable entry for <see cref="CheckSpec.Variables"/>.</summary>
    public static KeyValuePair<string, Template> Variable(string name, string value) => new(name, Template.Parse(value));
}
