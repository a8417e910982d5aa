namespace Monitoring.Core.Checks;

/// <summary>The three states of a check run.</summary>
public enum CheckOutcome
{
    /// <summary>Every step passed within its time limits.</summary>
    Healthy,

    /// <summary>Working but slow, or a degrade-only assertion did not hold.</summary>
    Degraded,

    /// <summary>A step failed on every attempt.</summary>
    Failed,
}
