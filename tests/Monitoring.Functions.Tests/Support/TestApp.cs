using System.Net;
using Xunit;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Monitoring.Core.Ports;
using Monitoring.Functions.Hosting;

namespace Monitoring.Functions.Tests.Support;

/// <summary>The whole app on a real loopback port, with its own database, environment and captured logs.</summary>
internal sealed class TestApp : IAsyncDisposable
{
    /// <summary>The secret every test app puts in SHOP_PASSWORD; it must never surface anywhere.</summary>
    public const string Secret = "s3cret-Sh0p-Passw0rd-7f2c";

    private readonly DirectoryInfo dataDirectory;

    private TestApp(WebApplication app, Uri baseAddress, DirectoryInfo dataDirectory, DictionaryEnvironment environment)
    {
        App = app;
        BaseAddress = baseAddress;
        this.dataDirectory = dataDirectory;
        Environment = environment;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public DictionaryEnvironment Environment { get; }

    public string DatabasePath => Path.Combine(dataDirectory.FullName, "monitoring.db");

    /// <summary>Where the database and outbox live; pass it to a second app to restart on the same data.</summary>
    public string DataDirectory => dataDirectory.FullName;

    /// <summary>Keep the data directory on dispose, for a restart on the same data.</summary>
    public bool KeepData { get; set; }

    public FakeLogCollector Logs => App.Services.GetRequiredService<FakeLogCollector>();

    /// <summary>The sample spec as the app ships it.</summary>
    public static string SampleSpecPath => Path.Combine(AppContext.BaseDirectory, "monitoring.yaml");

    /// <summary>Writes a spec file of its own and returns its path: <paramref name="edit"/> turns the sample's text into the test's.</summary>
    public static async Task<string> WriteSpecAsync(Func<string, string> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var path = Path.Combine(Directory.CreateTempSubdirectory("monitoring-spec-").FullName, "monitoring.yaml");
        var sample = await File.ReadAllTextAsync(SampleSpecPath, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(path, edit(sample), TestContext.Current.CancellationToken);
        return path;
    }

    /// <summary>Writes the sample spec with <paramref name="yaml"/> appended (new top-level sections) and returns its path.</summary>
    public static Task<string> WriteSampleWithAsync(string yaml) => WriteSpecAsync(sample => sample.TrimEnd() + yaml);

    /// <summary>
    /// Starts the app; <paramref name="settings"/> override configuration, <paramref name="environment"/> adds environment
    /// variables, <paramref name="time"/> replaces the system clock (a fake one, say), <paramref name="dataDirectoryPath"/>
    /// reuses a data directory (a restart) and <paramref name="services"/> puts services of the test's own in place (an
    /// <see cref="HttpClient"/> that trusts a local HTTPS fake, say).
    /// </summary>
    public static async Task<TestApp> StartAsync(string? specPath = null, bool scheduler = false, IDictionary<string, string?>? settings = null, IDictionary<string, string>? environment = null, TimeProvider? time = null, string? dataDirectoryPath = null, Action<IServiceCollection>? services = null)
    {
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var variables = new DictionaryEnvironment
        {
            ["SHOP_URL"] = $"http://127.0.0.1:{port}/demo",
            ["SHOP_PASSWORD"] = Secret,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            variables[name] = value;
        }

        var dataDirectory = dataDirectoryPath is null ? Directory.CreateTempSubdirectory("monitoring-app-") : new DirectoryInfo(dataDirectoryPath);
        var configuration = new Dictionary<string, string?>
        {
            ["urls"] = baseAddress.ToString().TrimEnd('/'),
            ["Monitoring:SpecPath"] = specPath ?? SampleSpecPath,
            ["Monitoring:DatabasePath"] = Path.Combine(dataDirectory.FullName, "monitoring.db"),
            ["Monitoring:OutboxPath"] = Path.Combine(dataDirectory.FullName, "outbox.jsonl"),
            ["Monitoring:Scheduler"] = scheduler ? "true" : "false",
        };
        foreach (var setting in settings ?? new Dictionary<string, string?>())
        {
            configuration[setting.Key] = setting.Value;
        }

        var app = MonitoringApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(configuration);
            builder.Services.AddSingleton<IEnvironmentVariables>(variables);
            builder.Services.AddSingleton(new HostEnvironment(null, false));
            if (time is not null)
            {
                builder.Services.AddSingleton(time);
            }

            services?.Invoke(builder.Services);

            builder.Logging.ClearProviders();
            builder.Logging.AddFakeLogging();
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new TestApp(app, baseAddress, dataDirectory, variables);
    }

    /// <summary>Every line the app logged, formatted, with exceptions.</summary>
    public string AllLogText() => string.Join('\n', Logs.GetSnapshot().Select(r => $"{r.Level} {r.Category} {r.Message} {r.Exception}"));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (KeepData)
        {
            return;
        }

        try
        {
            dataDirectory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a pooled handle is removed with the temp folder later.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
