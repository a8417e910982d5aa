namespace Monitoring.Functions.Demo.Faults;

/// <summary>The default randomness: the thread-safe shared generator; fault decisions need no cryptographic strength.</summary>
internal sealed class SharedDemoRandomSource : IDemoRandomSource
{
    /// <inheritdoc />
#pragma warning disable CA5394 // Deciding whether a demo fault fires is not security-sensitive.
    public double NextDouble() => Random.Shared.NextDouble();
#pragma warning restore CA5394
}
