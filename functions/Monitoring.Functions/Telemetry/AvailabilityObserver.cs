using Monitoring.Azure.AppInsights;
using Monitoring.Core.Checks;
using Monitoring.Functions.Execution;

namespace Monitoring.Functions.Telemetry;

/// <summary>
/// Shows every check run in the Application Insights Availability blade. Telemetry is a view of the results,
/// not the record of them, so a failure here is a warning and never fails the run.
/// </summary>
public sealed class AvailabilityObserver(AvailabilityPublisher publisher, ILogger<AvailabilityObserver> logger) : IRunObserver
{
    private readonly AvailabilityPublisher publisher = publisher ?? throw new ArgumentNullException(nameof(publisher));
    private readonly ILogger<AvailabilityObserver> logger = logger ?? throw new ArgumentNullException(nameof(logger));

    /// <inheritdoc/>
    public Task OnRunAsync(CheckRunResult run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            publisher.Track(run);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            TelemetryLog.AvailabilityNotTracked(logger, exception, run.CheckName);
        }

        return Task.CompletedTask;
    }
}
