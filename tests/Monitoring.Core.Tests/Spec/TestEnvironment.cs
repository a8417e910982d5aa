using Monitoring.Core.Ports;

namespace Monitoring.Core.Tests.Spec;

/// <summary>Environment variables from a dictionary, so tests say exactly what is set.</summary>
internal sealed class TestEnvironment(IReadOnlyDictionary<string, string> values) : IEnvironmentVariables
{
    public const string ShopPassword = "s3cret-shop-password";

    /// <summary>What the good fixture needs: SHOP_PASSWORD set, SEARCH_TERM left to its default.</summary>
    public static TestEnvironment ForGoodFixture { get; } = new(new Dictionary<string, string> { ["SHOP_PASSWORD"] = ShopPassword });

    public static TestEnvironment Empty { get; } = new(new Dictionary<string, string>());

    public string? Get(string name) => values.TryGetValue(name, out var value) ? value : null;
}
