using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Monitoring.Azure.AppInsights;
using Monitoring.Azure.Configuration;
using Monitoring.Azure.DataSources;
using Monitoring.Azure.Email;
using Monitoring.Azure.FanOut;
using Monitoring.Azure.Ingestion;
using Monitoring.Azure.Query;
using Monitoring.Azure.State;
using Monitoring.Core.Ports;
using Monitoring.Core.Secrets;
using Monitoring.Functions.Execution;
using Monitoring.Functions.Telemetry;
using Monitoring.Local.Sqlite;

namespace Monitoring.Functions.Hosting;

/// <summary>
/// Puts the Azure adapters in place of the embedded ones, each only when its settings say where:
/// state and the check queue in the storage account of <c>AzureWebJobsStorage</c> (Azurite with
/// <c>UseDevelopmentStorage=true</c>, a real account by identity in Azure); results, SLI reads and the data checks'
/// KQL in Log Analytics (<c>Monitoring:Azure</c>); email through ACS; availability telemetry and logs in Application
/// Insights (<c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>). Nothing set leaves the embedded store alone.
/// </summary>
internal static class AzureServices
{
    /// <summary>Registers what the configuration asks for; runs after the embedded store so it can replace its ports.</summary>
    /// <exception cref="InvalidOperationException">A setting is incomplete or invalid; the message names it.</exception>
    public static void AddAzure(this IServiceCollection services, ConfigurationManager configuration, MonitoringOptions options)
    {
        var monitor = configuration.GetSection(AzureMonitorSettings.Section).Get<AzureMonitorSettings>() ?? new AzureMonitorSettings();
        var storage = StorageConnection.From(key => configuration[key]);
        AppInsightsConnection? appInsights;
        try
        {
            appInsights = AppInsightsConnection.From(key => configuration[key]);
        }
        catch (FormatException exception)
        {
            throw new InvalidOperationException(exception.Message, exception);
        }

        if (options.FanOut && storage is null)
        {
            throw new InvalidOperationException("Monitoring__FanOut needs a storage account for its queue: set AzureWebJobsStorage (UseDevelopmentStorage=true for Azurite).");
        }

        if (monitor.Problems() is { Count: > 0 } problems)
        {
            throw new InvalidOperationException("The Azure settings are incomplete: " + string.Join(" ", problems));
        }

        AddStorageDataSources(services, configuration, monitor);
        if (storage is null && appInsights is null && !monitor.Ingests && !monitor.Queries && !monitor.SendsEmail)
        {
            return;
        }

        services.AddSingleton(monitor);
        services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = monitor.ManagedIdentityClientId ?? storage?.ClientId,
        }));

        if (storage is not null)
        {
            AddStorage(services, storage, options);
        }

        if (monitor.Ingests)
        {
            AddIngestion(services, monitor, storage, options);
        }

        if (monitor.SendsEmail)
        {
            // Registered before the alerting's default (the outbox), which only fills the gap.
            services.TryAddSingleton(_ => new AcsEmailClientOptions());
            services.AddSingleton<IEmailSender>(sp => new AcsEmailSender(
                new AcsEmailClient(monitor.AcsEndpoint!, sp.GetRequiredService<TokenCredential>(), sp.GetRequiredService<AcsEmailClientOptions>()),
                monitor.EmailSender!,
                sp.GetRequiredService<TimeProvider>()));
        }

        if (monitor.Queries)
        {
            services.TryAddSingleton(_ => new LogsQueryClientOptions());
            services.AddSingleton(sp => new LogsQueryClient(monitor.LogsQueryEndpoint, sp.GetRequiredService<TokenCredential>(), sp.GetRequiredService<LogsQueryClientOptions>()));
            services.Replace(ServiceDescriptor.Singleton<ISliReader>(sp => new LogAnalyticsSliReader(sp.GetRequiredService<LogsQueryClient>(), monitor.WorkspaceId!)));
            services.AddSingleton<IKqlDataSource>(sp => new LogAnalyticsKqlSource(sp.GetRequiredService<LogsQueryClient>(), monitor.WorkspaceId!));
            services.AddSingleton<IDataSource>(sp => new KqlDataSource(sp.GetRequiredService<IKqlDataSource>(), sp.GetRequiredService<SecretRedactor>()));
            services.AddSingleton<IDataSource>(sp => new AdfDataSource(sp.GetRequiredService<IKqlDataSource>(), sp.GetRequiredService<SecretRedactor>()));
        }

        if (appInsights is not null)
        {
            AddAppInsights(services, appInsights);
        }
    }

    // Blob and table data sources name their storage connection in the spec and read its settings when they run, so
    // they are there whether or not the app itself keeps anything in storage (locally, against Azurite, say).
    private static void AddStorageDataSources(IServiceCollection services, ConfigurationManager configuration, AzureMonitorSettings monitor)
    {
        TokenCredential Identity(string? clientId) => new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId ?? monitor.ManagedIdentityClientId });
        services.AddSingleton<IDataSource>(_ => new BlobDataSource(key => configuration[key], Identity));
        services.AddSingleton<IDataSource>(_ => new TableDataSource(key => configuration[key], Identity));
    }

    // Alert state in Tables and the fan-out queue with its poison queue.
    private static void AddStorage(IServiceCollection services, StorageConnection storage, MonitoringOptions options)
    {
        services.AddSingleton(storage);
        services.AddSingleton(sp => new CheckFanOut(
            storage.CreateQueueClient(options.CheckQueue, () => sp.GetRequiredService<TokenCredential>(), CheckFanOut.ClientOptions()),
            storage.CreateQueueClient(options.CheckQueue + "-poison", () => sp.GetRequiredService<TokenCredential>(), CheckFanOut.ClientOptions())));
        services.Replace(ServiceDescriptor.Singleton<IStateStore>(sp => new TableStateStore(storage.CreateTableClient(
            options.StateTable,
            () => sp.GetRequiredService<TokenCredential>()))));
    }

    // Rows wait in a durable spool until Log Analytics takes them: Azure Tables when there is a storage account (an
    // instance's disk does not outlive it), the embedded store otherwise. The embedded store keeps its own copy for
    // the app's pages, which read it.
    private static void AddIngestion(IServiceCollection services, AzureMonitorSettings monitor, StorageConnection? storage, MonitoringOptions options)
    {
        services.TryAddSingleton(_ => new LogsIngestionClientOptions());
        services.AddSingleton(sp => new LogsIngestionClient(monitor.LogsIngestionEndpoint!, sp.GetRequiredService<TokenCredential>(), sp.GetRequiredService<LogsIngestionClientOptions>()));
        services.AddSingleton<IRowSpool>(sp => storage is not null
            ? new TableRowSpool(storage.CreateTableClient(options.SpoolTable, () => sp.GetRequiredService<TokenCredential>()), timeProvider: sp.GetRequiredService<TimeProvider>())
            : new SqliteRowSpool(sp.GetRequiredService<SqliteDatabase>(), timeProvider: sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new SpoolingResultsWriter(
            new LogAnalyticsResultsWriter(sp.GetRequiredService<LogsIngestionClient>(), new LogAnalyticsResultsWriterOptions { RuleId = monitor.DcrImmutableId!, Streams = monitor.Streams }),
            sp.GetRequiredService<IRowSpool>(),
            new SpoolingResultsWriterOptions { TimeProvider = sp.GetRequiredService<TimeProvider>(), FlushInBackground = true }));
        services.Replace(ServiceDescriptor.Singleton<IResultsWriter>(sp => new TeeResultsWriter(
            new SqliteResultsWriter(sp.GetRequiredService<SqliteDatabase>()),
            sp.GetRequiredService<SpoolingResultsWriter>())));
    }

    // One set of exporter options (connection, Entra credential, transport) serves the app's logs and its availability telemetry.
    private static void AddAppInsights(IServiceCollection services, AppInsightsConnection connection)
    {
        services.AddOptions<AzureMonitorExporterOptions>().Configure<TokenCredential>((exporter, credential) =>
        {
            exporter.ConnectionString = connection.Value;
            exporter.Credential = credential;
            exporter.EnableLiveMetrics = false;
        });
        // The formatted message makes AppTraces readable; the structured fields still travel as properties.
        services.AddOpenTelemetry().WithLogging(logging => logging.AddAzureMonitorLogExporter(), logging => logging.IncludeFormattedMessage = true);
        services.AddSingleton(sp => new AvailabilityPublisher(
            connection,
            sp.GetRequiredService<TokenCredential>(),
            sp.GetRequiredService<IOptions<AzureMonitorExporterOptions>>().Value));
        services.AddSingleton<IRunObserver, AvailabilityObserver>();
        services.AddHostedService<TelemetryFlushService>();
    }
}
