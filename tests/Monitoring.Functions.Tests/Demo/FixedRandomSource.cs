using Monitoring.Functions.Demo;

namespace Monitoring.Functions.Tests.Demo;

/// <summary>Randomness that always answers the same number, so fault decisions are predictable.</summary>
internal sealed class FixedRandomSource(double value) : IDemoRandomSource
{
    public double NextDouble() => value;
}
