namespace Monitoring.Functions.Demo;

/// <summary>The randomness that decides whether an injected error fires; replace it in DI to make faults deterministic.</summary>
public interface IDemoRandomSource
{
    /// <summary>A uniformly distributed number, at least 0 and less than 1.</summary>
    double NextDouble();
}
