using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Azure.Core;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Azure.AppInsights;
using Monitoring.Azure.Tests.Support;
using Monitoring.Core.Ports;
using Monitoring.Functions.Execution;
using Monitoring.Functions.Hosting;
using Monitoring.Functions.Invocation;
using Monitoring.Functions.Telemetry;
using OpenTelemetry.Logs;
using Xunit;

namespace Monitoring.Azure.Tests.EndToEnd;

/// <summary>
/// The whole app with <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> pointed at the HTTPS fake of the ingestion
/// endpoint: every run becomes an availability envelope, the app's logs follow, all with an Entra token.
/// </summary>
public sealed class AppOnAppInsightsFakeTests : IAsyncLifetime
{
    private const string Token = "appi-token";
    private readonly DirectoryInfo data = Directory.CreateTempSubdirectory("monitoring-appi-");
    private AppInsightsFake appInsights = null!;

    [Fact]
    public async Task SyntheticChecks_SendsEachRunAsAvailabilityTelemetry_WithAnEntraToken()
    {
        var credential = new StaticTokenCredential(Token);
        await using var app = await StartAsync(appInsights.ConnectionString, credential);

        await InvokeAsync(app, "SyntheticChecks");
        Assert.True(await app.Services.GetRequiredService<AvailabilityPublisher>().FlushAsync(TestContext.Current.CancellationToken));

        var runs = await app.Services.GetRequiredService<ICheckRunHistory>().GetRecentRunsByCheckAsync(1, TestContext.Current.CancellationToken);
        var envelopes = appInsights.EnvelopesOf("AvailabilityData");
        Assert.Equal(2, envelopes.Count);
        Assert.All(envelopes, e => Assert.Equal(AppInsightsFake.InstrumentationKey, (string?)e["iKey"]));

        var health = Assert.Single(envelopes, e => (string?)e["data"]!["baseData"]!["name"] == "health");
        var healthRun = Assert.Single(runs["health"]);
        var data = health["data"]!["baseData"]!;
        Assert.Equal((healthRun.RunId, true, "lab-1", "shop"), ((string?)data["id"], (bool?)data["success"], (string?)data["runLocation"], (string?)data["properties"]!["Service"]));
        // The SDK keeps the timestamp to the millisecond.
        Assert.Equal(healthRun.StartedAt, DateTimeOffset.Parse((string)health["time"]!, CultureInfo.InvariantCulture), TimeSpan.FromMilliseconds(1));
        Assert.Equal(healthRun.DurationMs, TimeSpan.Parse((string)data["duration"]!, CultureInfo.InvariantCulture).TotalMilliseconds, 0.01);

        var missing = Assert.Single(envelopes, e => (string?)e["data"]!["baseData"]!["name"] == "missing-page");
        var missingRun = Assert.Single(runs["missing-page"]);
        var failed = missing["data"]!["baseData"]!;
        Assert.False((bool?)failed["success"]);
        Assert.Equal(missingRun.Message, (string?)failed["message"]);
        Assert.False(string.IsNullOrEmpty(missingRun.Message));
        Assert.Equal(
            (missingRun.RunId, "missing-page", "http-status", "404", "Failed"),
            ((string?)failed["properties"]!["RunId"], (string?)failed["properties"]!["FailedStep"], (string?)failed["properties"]!["ErrorKind"], (string?)failed["properties"]!["StatusCode"], (string?)failed["properties"]!["Outcome"]));

        Assert.NotEmpty(appInsights.Requests);
        Assert.All(appInsights.Requests, r => Assert.Equal(("Bearer " + Token, 200), (r.Authorization, r.Status)));
        Assert.Contains("https://monitor.azure.com//.default", credential.Scopes);
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AppLogs_ReachApplicationInsights_AsTraces()
    {
        await using var app = await StartAsync(appInsights.ConnectionString, new StaticTokenCredential(Token));

        await InvokeAsync(app, "SyntheticChecks");
        Assert.True(app.Services.GetRequiredService<LoggerProvider>().ForceFlush());

        var failed = Assert.Single(appInsights.EnvelopesOf("MessageData"), e => (string?)e["data"]!["baseData"]!["properties"]!["EventName"] == "RunFailed");
        var data = failed["data"]!["baseData"]!;
        Assert.StartsWith("Check missing-page Failed in ", (string?)data["message"], StringComparison.Ordinal);
        Assert.Equal(("Error", "missing-page", "http-status"), ((string?)data["severityLevel"], (string?)data["properties"]!["CheckName"], (string?)data["properties"]!["ErrorKind"]));
        Assert.All(appInsights.Requests, r => Assert.Equal("Bearer " + Token, r.Authorization));
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task StoppingTheApp_SendsTheBufferedAvailabilityTelemetry()
    {
        await using var app = await StartAsync(appInsights.ConnectionString, new StaticTokenCredential(Token));

        await InvokeAsync(app, "SyntheticChecks");
        await app.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, appInsights.EnvelopesOf("AvailabilityData").Count);
    }

    [Fact]
    public async Task SyntheticChecks_StillStoresEveryRun_WhenApplicationInsightsIsDown()
    {
        appInsights.IsDown = () => true;
        await using var app = await StartAsync(appInsights.ConnectionString, new StaticTokenCredential(Token));

        await InvokeAsync(app, "SyntheticChecks");
        await app.Services.GetRequiredService<AvailabilityPublisher>().FlushAsync(TestContext.Current.CancellationToken);

        var runs = await app.Services.GetRequiredService<ICheckRunHistory>().GetRecentRunsByCheckAsync(1, TestContext.Current.CancellationToken);
        Assert.Equal(["health", "missing-page"], runs.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(appInsights.Envelopes);
        Assert.Contains(appInsights.Requests, r => r.Status == 503);
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Build_RegistersNoTelemetry_WhenNoConnectionStringIsSet()
    {
        await using var app = await StartAsync(null, new StaticTokenCredential(Token));

        Assert.DoesNotContain(app.Services.GetServices<IRunObserver>(), o => o is AvailabilityObserver);
        Assert.Null(app.Services.GetService<AvailabilityPublisher>());
        Assert.Null(app.Services.GetService<LoggerProvider>());
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void Build_Refuses_NamingTheSettingButNotTheKey_WhenTheConnectionStringIsInvalid()
    {
        const string key = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
        var error = Assert.Throws<InvalidOperationException>(() => MonitoringApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [AppInsightsConnection.SettingName] = $"InstrumentationKey={key};IngestionEndpoint=http://in.example.com/",
                ["Monitoring:DatabasePath"] = Path.Combine(data.FullName, "monitoring.db"),
            });
            builder.Services.AddSingleton(new HostEnvironment(null, false));
        }));

        Assert.Contains("APPLICATIONINSIGHTS_CONNECTION_STRING", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key, error.Message, StringComparison.Ordinal);
    }

    public async ValueTask InitializeAsync() => appInsights = await AppInsightsFake.StartAsync(Token);

    public async ValueTask DisposeAsync()
    {
        await appInsights.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        data.Delete(recursive: true);
    }

    private async Task<WebApplication> StartAsync(string? connectionString, TokenCredential credential)
    {
        var port = FreePort();
        var specPath = Path.Combine(data.FullName, "monitoring.yaml");
        await File.WriteAllTextAsync(specPath, string.Create(CultureInfo.InvariantCulture, $$"""
            version: monitoring/v1
            defaults:
              location: lab-1
              retries: 0
            services:
              shop: { team: web }
            checks:
              - name: health
                service: shop
                request: { url: "http://127.0.0.1:{{port}}/api/health" }
              - name: missing-page
                request: { url: "http://127.0.0.1:{{port}}/no-such-page" }
            """), TestContext.Current.CancellationToken);
        var app = MonitoringApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["urls"] = $"http://127.0.0.1:{port}",
                [AppInsightsConnection.SettingName] = connectionString,
                ["Monitoring:SpecPath"] = specPath,
                ["Monitoring:DatabasePath"] = Path.Combine(data.FullName, "monitoring.db"),
                ["Monitoring:OutboxPath"] = Path.Combine(data.FullName, "outbox.jsonl"),
                ["Monitoring:Scheduler"] = "false",
                ["Monitoring:Demo"] = "false",
            });
            builder.Services.AddSingleton(new HostEnvironment(null, false));
            builder.Services.AddSingleton(credential);
            builder.Services.Configure<AzureMonitorExporterOptions>(appInsights.Configure);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    private static async Task InvokeAsync(WebApplication app, string function)
    {
        var handler = app.Services.GetServices<IFunctionHandler>().Single(h => h.FunctionName == function);
        await handler.InvokeAsync(new InvocationRequest(null, null), TestContext.Current.CancellationToken);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
