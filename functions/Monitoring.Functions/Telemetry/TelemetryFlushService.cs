using Monitoring.Azure.AppInsights;

namespace Monitoring.Functions.Telemetry;

/// <summary>Sends the availability telemetry still buffered when the app stops, so the last runs are not lost.</summary>
public sealed class TelemetryFlushService(AvailabilityPublisher publisher, ILogger<TelemetryFlushService> logger) : IHostedService
{
    private readonly AvailabilityPublisher publisher = publisher ?? throw new ArgumentNullException(nameof(publisher));
    private readonly ILogger<TelemetryFlushService> logger = logger ?? throw new ArgumentNullException(nameof(logger));

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (!await publisher.FlushAsync(cancellationToken))
            {
                TelemetryLog.FlushIncomplete(logger, null);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            TelemetryLog.FlushIncomplete(logger, exception);
        }
    }
}
