using System.Collections.Concurrent;
using Monitoring.Core.Ports;

namespace Monitoring.Functions.Tests.Support;

/// <summary>An environment a test owns, so parallel tests never share process variables.</summary>
public sealed class DictionaryEnvironment : IEnvironmentVariables
{
    private readonly ConcurrentDictionary<string, string> values = new(StringComparer.Ordinal);

    public string? this[string name]
    {
        get => Get(name);
        set
        {
            if (value is null)
            {
                values.TryRemove(name, out _);
            }
            else
            {
                values[name] = value;
            }
        }
    }

    public string? Get(string name) => values.TryGetValue(name, out var value) ? value : null;
}
