using Monitoring.Core.Ports;

namespace Monitoring.Functions.Tests.Support;

/// <summary>Environment values from a dictionary, for runs that must not read the real environment.</summary>
public sealed class FakeEnvironment(IReadOnlyDictionary<string, string> values) : IEnvironmentVariables
{
    /// <summary>An environment with nothing set.</summary>
    public FakeEnvironment()
        : this(new Dictionary<string, string>())
    {
    }

    /// <inheritdoc/>
    public string? Get(string name) => values.TryGetValue(name, out var value) ? value : null;
}
