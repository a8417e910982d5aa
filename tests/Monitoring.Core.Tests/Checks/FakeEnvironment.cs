using Monitoring.Core.Ports;

namespace Monitoring.Core.Tests.Checks;

/// <summary>Environment values from a dictionary.</summary>
internal sealed class FakeEnvironment(IReadOnlyDictionary<string, string> values) : IEnvironmentVariables
{
    public FakeEnvironment()
        : this(new Dictionary<string, string>())
    {
    }

    public string? Get(string name) => values.TryGetValue(name, out var value) ? value : null;
}
