using Azure.Core;
using Monitoring.Azure.Pipeline;

namespace Monitoring.Azure.Ingestion;

/// <summary>
/// Options for <see cref="LogsIngestionClient"/>. Retries read <see cref="ClientOptions.Retry"/>
/// (<see cref="RetryOptions.MaxRetries"/>, <see cref="RetryOptions.Delay"/>, <see cref="RetryOptions.MaxDelay"/>)
/// together with <see cref="RetryBudget"/>; replacing <see cref="ClientOptions.RetryPolicy"/> replaces all of it.
/// </summary>
public sealed class LogsIngestionClientOptions : ClientOptions, IClockRetryOptions
{
    /// <summary>The defaults: 8 retries, 1 s doubling with jitter to at most 30 s, 3 minutes in all per batch.</summary>
    public LogsIngestionClientOptions()
    {
        Retry.MaxRetries = 8;
        Retry.Delay = TimeSpan.FromSeconds(1);
        Retry.MaxDelay = TimeSpan.FromSeconds(30);
        RetryPolicy = new ClockRetryPolicy(this);
    }

    /// <summary>
    /// How long one batch may spend waiting between attempts, Retry-After waits included. A wait that would end
    /// past the budget is not started: the last answer is reported instead.
    /// </summary>
    public TimeSpan RetryBudget { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>The clock retry waits and the budget run on, and Retry-After dates are read against.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
