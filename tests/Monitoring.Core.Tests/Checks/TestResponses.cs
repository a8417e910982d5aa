using System.Collections.Immutable;
using Monitoring.Core.Ports;

namespace Monitoring.Core.Tests.Checks;

/// <summary>One good response that assertion and extraction cases mutate.</summary>
internal static class TestResponses
{
    public static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public const string JsonBody = """{"total":3,"price":12.5,"name":"shop","flag":true,"nothing":null,"items":[{"id":"a1"},{"id":"b2"}],"when":"2025-03-01T12:00:00Z"}""";

    public static ProbeResponse Good() => new(
        StatusCode: 200,
        Headers: Headers(
            ("Content-Type", "application/json; charset=utf-8"),
            ("X-Request-Id", "req-42"),
            ("Set-Cookie", "a=1"),
            ("Set-Cookie", "b=2")),
        Body: JsonBody,
        Duration: TimeSpan.FromMilliseconds(120),
        CertificateNotAfter: Now.AddDays(30.5),
        FinalUrl: new Uri("https://shop.example.com/api/cart"),
        Redirects: 0);

    public static ImmutableDictionary<string, ImmutableArray<string>> Headers(params (string Name, string Value)[] headers) =>
        headers
            .GroupBy(h => h.Name, StringComparer.OrdinalIgnoreCase)
            .ToImmutableDictionary(g => g.Key, g => g.Select(h => h.Value).ToImmutableArray(), StringComparer.OrdinalIgnoreCase);
}
