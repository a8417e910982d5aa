namespace Monitoring.Core.Strategy;

/// <summary>How <see cref="StrategyDocument"/> renders.</summary>
/// <param name="SpecName">The spec's file name as shown in the document (e.g. <c>monitoring.yaml</c>); null leaves it out.</param>
/// <param name="GeneratedAt">A time stamp to print; null prints none, so the document is the same on every run.</param>
public sealed record StrategyOptions(string? SpecName = null, DateTimeOffset? GeneratedAt = null);
