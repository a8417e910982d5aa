using Monitoring.Core.Ports;

namespace Monitoring.Functions.Hosting;

/// <summary>Reads <c>${env:NAME}</c> values from the process environment, where Azure puts app settings (and resolved Key Vault references).</summary>
public sealed class ProcessEnvironmentVariables : IEnvironmentVariables
{
    /// <inheritdoc/>
    public string? Get(string name) => Environment.GetEnvironmentVariable(name);
}
