using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitoring.Core.Alerting;
using Monitoring.Core.Checks;
using Monitoring.Functions.Alerting;
using Monitoring.Functions.Notifications;
using Monitoring.Core.Ports;
using Monitoring.Core.Secrets;
using Monitoring.Functions.Api;
using Monitoring.Functions.AzureAlerts;
using Monitoring.Functions.DataChecks;
using Monitoring.Functions.DataSources;
using Monitoring.Functions.Demo;
using Monitoring.Functions.Execution;
using Monitoring.Functions.FanOut;
using Monitoring.Functions.Heartbeat;
using Monitoring.Functions.Invocation;
using Monitoring.Functions.Probing;
using Monitoring.Functions.Scheduling;
using Monitoring.Functions.SloEvaluation;
using Monitoring.Functions.StatusPage;
using Monitoring.Functions.SyntheticChecks;
using Monitoring.Local.Sqlite;

namespace Monitoring.Functions.Hosting;

/// <summary>
/// Composes the app. The same composition serves the Functions host (which starts us with
/// <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> and drives the timers) and standalone runs (where the
/// local scheduler reads the same function.json schedules).
/// </summary>
public static class MonitoringApp
{
    /// <summary>Where a standalone run listens when no URL is configured: the port <c>func start</c> uses.</summary>
    public const string DefaultLocalUrl = "http://127.0.0.1:7071";

    /// <summary>
    /// Builds the app. <paramref name="configure"/> runs first, so tests can set configuration and
    /// put their own <see cref="TimeProvider"/>, <see cref="IEnvironmentVariables"/> or
    /// <see cref="HostEnvironment"/> in place.
    /// </summary>
    /// <exception cref="InvalidSpecException">The spec is missing or invalid.</exception>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.UseUtcTimestamp = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
        configure?.Invoke(builder);

        var services = builder.Services;
        services.TryAddSingleton(HostEnvironment.Current());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IEnvironmentVariables, ProcessEnvironmentVariables>();

        var options = builder.Configuration.GetSection(MonitoringOptions.Section).Get<MonitoringOptions>() ?? new MonitoringOptions();
        var host = (HostEnvironment)services.Single(d => d.ServiceType == typeof(HostEnvironment)).ImplementationInstance!;
        ConfigureUrls(builder, host);

        services.AddSingleton(options);
        services.AddSingleton(_ =>
        {
            // The Teams URL of Azure alerts is a secret from the first log line on.
            var redactor = new SecretRedactor();
            redactor.Register(options.AzureAlerts.TeamsWebhookUrl);
            return redactor;
        });
        services.AddSingleton(FunctionCatalog.Load(AppContext.BaseDirectory));
        services.AddSingleton(sp => new SpecProvider(
            Path.GetFullPath(options.SpecPath, AppContext.BaseDirectory),
            sp.GetRequiredService<IEnvironmentVariables>(),
            sp.GetRequiredService<SecretRedactor>()));
        services.AddSingleton(InstanceIdentity.Current());

        services.AddSingleton<IHttpProbeFactory>(sp => new HttpClientProbeFactory(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ICheckRunner, CheckRunner>();
        services.AddSingleton(sp => new CheckExecutor(
            sp.GetRequiredService<ICheckRunner>(),
            sp.GetRequiredService<IResultsWriter>(),
            sp.GetRequiredService<SpecProvider>().Spec.Defaults.Concurrency,
            sp.GetRequiredService<ILogger<CheckExecutor>>(),
            sp.GetServices<IRunObserver>()));
        services.AddSingleton<CheckSchedule>();
        services.AddSingleton<CycleStatistics>();
        services.AddSingleton<StatusQueries>();
        services.AddSingleton<IFunctionHandler, SyntheticChecksFunction>();
        services.AddSingleton<IFunctionHandler, HeartbeatFunction>();
        services.AddSingleton<SloStatusBoard>();
        services.AddSingleton<IFunctionHandler, SloEvaluationFunction>();
        services.AddSingleton<IFunctionHandler, CheckDispatchFunction>();
        services.AddSingleton<IFunctionHandler, RunChecksFunction>();
        AddDataChecks(services);

        AddEmbeddedStore(services, builder.Environment.ContentRootPath, options);
        services.AddAzure(builder.Configuration, options);
        AddAlerting(services, builder.Environment.ContentRootPath, options);

        if (!host.UnderFunctionsHost && options.FanOut)
        {
            // Without the Functions host, the app drains its own queue, as the host's queue trigger would.
            services.AddSingleton<LocalQueueListener>();
            services.AddHostedService(sp => sp.GetRequiredService<LocalQueueListener>());
        }

        if (!host.UnderFunctionsHost && options.Scheduler)
        {
            services.AddHostedService(sp => new LocalTimerScheduler(
                sp.GetRequiredService<FunctionCatalog>(),
                sp.GetServices<IFunctionHandler>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<LocalTimerScheduler>>(),
                options.RunOnStartup));
        }

        var demo = DemoEnabled(options, host);
        if (demo)
        {
            services.AddDemoShop();
        }

        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        var app = builder.Build();

        // Fail now, with every error listed, rather than on the first timer tick.
        _ = app.Services.GetRequiredService<SpecProvider>();
        _ = app.Services.GetRequiredService<IReadOnlyDictionary<string, INotificationChannel>>();

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapStatusPage();
        app.MapHttpFunctions(options.FunctionKey);
        app.MapFunctionInvocations();
        if (demo)
        {
            app.MapDemoShop();
        }

        return app;
    }

    /// <summary>The demo shop is for local runs only: never under the Functions host, never in Azure.</summary>
    public static bool DemoEnabled(MonitoringOptions options, HostEnvironment host)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(host);
        return options.Demo && !host.UnderFunctionsHost && !host.InAzure;
    }

    private static void ConfigureUrls(WebApplicationBuilder builder, HostEnvironment host)
    {
        if (host.UnderFunctionsHost)
        {
            // The host proxies to this port on loopback only.
            builder.WebHost.UseUrls($"http://127.0.0.1:{host.CustomHandlerPort}");
        }
        else if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
        {
            builder.WebHost.UseUrls(DefaultLocalUrl);
        }
    }

    private static void AddAlerting(IServiceCollection services, string contentRoot, MonitoringOptions options)
    {
        services.AddSingleton(sp =>
        {
            // Maintenance windows mute exactly like silences, and their end unmutes the same way.
            var maintenance = sp.GetRequiredService<SpecProvider>().Spec.Maintenance;
            return new AlertEngine(sp.GetRequiredService<IStateStore>(), at => maintenance.Select(w => w.SilenceAt(at)).OfType<Silence>());
        });
        services.AddSingleton(new OutboxFile(Path.GetFullPath(options.OutboxPath, contentRoot)));

        services.TryAddSingleton(_ => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan });
        services.AddSingleton(sp => new HttpJsonDelivery(sp.GetRequiredService<HttpClient>(), DeliveryPolicy.Default, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<SecretRedactor>()));
        services.TryAddSingleton<IEmailSender>(sp => new OutboxEmailSender(sp.GetRequiredService<OutboxFile>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ChannelFactory>();
        services.AddSingleton(sp => sp.GetRequiredService<ChannelFactory>().Create(sp.GetRequiredService<SpecProvider>()));
        services.AddSingleton(sp => LocalRoutes.RouterFor(sp.GetRequiredService<SpecProvider>().Spec.Notifications));
        services.AddSingleton<NotificationDispatcher>();
        services.AddSingleton<EmailDigestFlusher>();
        services.AddSingleton<TestNotifier>();
        services.AddSingleton(sp => new RunbookLinks(
            sp.GetRequiredService<SpecProvider>(),
            sp.GetRequiredService<IEnvironmentVariables>(),
            () => sp.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()));
        services.AddSingleton<AzureAlertReceiver>();
        services.AddSingleton<AlertingCycle>();
        services.AddSingleton<CheckNoDataWatch>();
        services.AddSingleton<SpoolWatch>();
        services.AddSingleton<IRunObserver>(sp => sp.GetRequiredService<AlertingCycle>());
    }

    private static void AddDataChecks(IServiceCollection services)
    {
        // Sources that need no Azure set-up; the Azure ones (kql, adf, and storage via settings) are added by AddAzure.
        services.AddSingleton<IDataSource>(sp => new SqlDataSource(sp.GetRequiredService<IEnvironmentVariables>(), sp.GetRequiredService<SecretRedactor>()));
        services.AddSingleton<IDataSource>(sp => new HttpJsonDataSource(sp.GetRequiredService<HttpClient>(), sp.GetRequiredService<IEnvironmentVariables>(), sp.GetRequiredService<SecretRedactor>()));
        services.AddSingleton<SchemaBaselines>();
        services.AddSingleton<DataCheckSchedule>();
        services.AddSingleton<DataCheckBoard>();
        services.AddSingleton<DataCheckExecutor>();
        services.AddSingleton<IFunctionHandler, DataChecksFunction>();
    }

    private static void AddEmbeddedStore(IServiceCollection services, string contentRoot, MonitoringOptions options)
    {
        var storeOptions = new SqliteStoreOptions(Path.GetFullPath(options.DatabasePath, contentRoot)) { Retention = TimeSpan.FromDays(options.RetentionDays) };
        services.AddSingleton(storeOptions);
        services.AddSingleton(sp => new SqliteDatabase(storeOptions, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IResultsWriter>(sp => new SqliteResultsWriter(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<ICheckRunHistory>(sp => new SqliteCheckRunHistory(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<ISliReader>(sp => new SqliteSliReader(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<IDeliveryLog>(sp => new SqliteDeliveryLog(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<IStateStore>(sp => new SqliteStateStore(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new SqliteRetention(sp.GetRequiredService<SqliteDatabase>()));

        // Registered first among hosted services so the schema exists before any timer runs.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, StoreInitializer>());
        services.AddHostedService<RetentionService>();
    }
}
