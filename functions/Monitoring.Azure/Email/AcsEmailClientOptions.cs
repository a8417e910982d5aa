using Azure.Core;
using Monitoring.Azure.Pipeline;

namespace Monitoring.Azure.Email;

/// <summary>
/// Options for <see cref="AcsEmailClient"/>. Retries of each request (the send and every poll) read
/// <see cref="ClientOptions.Retry"/> together with <see cref="RetryBudget"/>: 429 and 503 wait as long as Retry-After
/// says, 408 and 5xx and network failures back off with jitter. Replacing <see cref="ClientOptions.RetryPolicy"/>
/// replaces all of it.
/// </summary>
public sealed class AcsEmailClientOptions : ClientOptions, IClockRetryOptions
{
    /// <summary>The defaults: 5 retries, 1 s doubling with jitter to at most 30 s, 2 minutes of waits per request.</summary>
    public AcsEmailClientOptions()
    {
        Retry.MaxRetries = 5;
        Retry.Delay = TimeSpan.FromSeconds(1);
        Retry.MaxDelay = TimeSpan.FromSeconds(30);
        RetryPolicy = new ClockRetryPolicy(this);
    }

    /// <summary>The scope of the bearer token: ACS's public cloud audience.</summary>
    public string Audience { get; set; } = "https://communication.azure.com//.default";

    /// <summary>
    /// How long one request (the send, or one poll) may spend waiting between its attempts, Retry-After waits
    /// included. A wait that would end past the budget is not started: the last answer is reported instead.
    /// </summary>
    public TimeSpan RetryBudget { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The wait between polls when the service's answer carries no Retry-After. Default 1 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long to poll a send after it was accepted before returning it as still running. Default 1 minute.
    /// Zero returns as soon as the send is accepted.
    /// </summary>
    public TimeSpan PollTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The clock retry and poll waits run on, and Retry-After dates are read against.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
