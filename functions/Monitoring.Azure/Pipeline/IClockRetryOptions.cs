using Azure.Core;

namespace Monitoring.Azure.Pipeline;

/// <summary>What <see cref="ClockRetryPolicy"/> reads from a client's options, each time it retries (options may change after the policy is made).</summary>
internal interface IClockRetryOptions
{
    /// <summary>Attempts (<see cref="RetryOptions.MaxRetries"/>) and the backoff's start and cap.</summary>
    RetryOptions Retry { get; }

    /// <summary>How long one request may spend waiting between attempts, Retry-After waits included.</summary>
    TimeSpan RetryBudget { get; }

    /// <summary>The clock the waits run on.</summary>
    TimeProvider TimeProvider { get; }
}
