using Azure.Core;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.ApplicationInsights;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Core.Checks;

namespace Monitoring.Azure.AppInsights;

/// <summary>
/// Sends check runs to Application Insights as availability telemetry through the official SDK
/// (<c>Microsoft.ApplicationInsights</c> 3.x, which exports through the Azure Monitor OpenTelemetry exporter),
/// authenticated with Entra ID, as a resource with local authentication disabled requires.
/// Telemetry is buffered and sent in batches; <see cref="FlushAsync"/> sends what is buffered now.
/// </summary>
public sealed class AvailabilityPublisher : IDisposable
{
    private readonly TelemetryConfiguration configuration;
    private readonly TelemetryClient client;

    /// <summary>
    /// Creates the publisher. <paramref name="exporter"/> are the app's exporter options: their transport and
    /// offline-storage settings apply here too, so the app's logs and its availability telemetry travel alike.
    /// </summary>
    public AvailabilityPublisher(AppInsightsConnection connection, TokenCredential credential, AzureMonitorExporterOptions? exporter = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(credential);
        exporter ??= new AzureMonitorExporterOptions();

        // Not CreateDefault(): in 3.x that returns one configuration shared by the whole process.
        configuration = new TelemetryConfiguration
        {
            ConnectionString = connection.Value,
            DisableOfflineStorage = exporter.DisableOfflineStorage,
            StorageDirectory = exporter.StorageDirectory,

            // Live Metrics would poll its own service from every instance; the Availability blade needs none of it.
            EnableLiveMetrics = false,
        };
        configuration.SetAzureTokenCredential(credential);
        var transport = exporter.Transport;
        configuration.ConfigureOpenTelemetryBuilder(builder => builder.Services.Configure<AzureMonitorExporterOptions>(options => options.Transport = transport));
        client = new TelemetryClient(configuration);
    }

    /// <summary>Queues <paramref name="run"/> as availability telemetry; it is sent with the next batch.</summary>
    public void Track(CheckRunResult run) => client.TrackAvailability(AvailabilityRecord.From(run));

    /// <summary>Sends everything queued so far; false when the SDK could not.</summary>
    public Task<bool> FlushAsync(CancellationToken cancellationToken) => client.FlushAsync(cancellationToken);

    /// <inheritdoc/>
    public void Dispose() => configuration.Dispose();
}
