namespace Monitoring.Core.Ports;

/// <summary>Reads environment values (process environment or app settings) for <c>${env:NAME}</c> references.</summary>
public interface IEnvironmentVariables
{
    /// <summary>The value of <paramref name="name"/>, or null when it is not set.</summary>
    string? Get(string name);
}
