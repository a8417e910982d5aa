using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Azure.Ingestion;
using Monitoring.Azure.Query;
using Monitoring.Azure.State;
using Monitoring.Azure.Tests.Support;
using Monitoring.Core.Ports;
using Monitoring.Functions.Hosting;
using Monitoring.Functions.Invocation;
using Xunit;

namespace Monitoring.Azure.Tests.EndToEnd;

/// <summary>
/// The whole app with its Azure settings pointed at Azurite and the HTTPS fakes of Log Analytics: results reach the
/// ingestion fake in the right streams with the monitor tables' columns, SLO evaluation reads its counts through the
/// query fake, and alert state lives in Azurite's tables.
/// </summary>
public sealed class AppOnAzureFakesTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Token = "app-token";
    private readonly DirectoryInfo data = Directory.CreateTempSubdirectory("monitoring-azure-");
    private readonly string table = AzuriteFixture.UniqueName("state");
    private IngestionFake ingestion = null!;
    private QueryFake query = null!;

    [Fact]
    public async Task Cycle_WritesEveryResultToItsStream_AndReadsSloCountsThroughTheQueryApi()
    {
        var port = FreePort();
        var specPath = Path.Combine(data.FullName, "monitoring.yaml");
        await File.WriteAllTextAsync(specPath, string.Create(CultureInfo.InvariantCulture, $$"""
            version: monitoring/v1
            checks:
              - name: health
                request: { url: "http://127.0.0.1:{{port}}/api/health" }
            slos:
              - name: health-availability
                objective: 99.9
                sli:
                  availability: { check: health }
            """), TestContext.Current.CancellationToken);

        // Every window of the SLO answers 100 events, 99 good.
        query.Answer = (["Slo", .. Enumerable.Range(0, 12).SelectMany(w => new[] { $"T{w}", $"G{w}" })], [[0, .. Enumerable.Range(0, 12).SelectMany(_ => new object?[] { 100, 99 })]]);
        await using var app = MonitoringApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["urls"] = $"http://127.0.0.1:{port}",
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["Monitoring:StateTable"] = table,
                ["Monitoring:SpoolTable"] = AzuriteFixture.UniqueName("spool"),
                ["Monitoring:Azure:LogsIngestionEndpoint"] = ingestion.Endpoint.ToString(),
                ["Monitoring:Azure:DcrImmutableId"] = "dcr-0123456789abcdef",
                ["Monitoring:Azure:WorkspaceId"] = "workspace-1",
                ["Monitoring:Azure:LogsQueryEndpoint"] = query.Endpoint.ToString(),
                ["Monitoring:SpecPath"] = specPath,
                ["Monitoring:DatabasePath"] = Path.Combine(data.FullName, "monitoring.db"),
                ["Monitoring:OutboxPath"] = Path.Combine(data.FullName, "outbox.jsonl"),
                ["Monitoring:Scheduler"] = "false",
                ["Monitoring:Demo"] = "false",
            });
            builder.Services.AddSingleton(new HostEnvironment(null, false));
            builder.Services.AddSingleton<TokenCredential>(new StaticTokenCredential(Token));
            var ingestionOptions = ingestion.ClientOptions(TimeProvider.System);
            ingestionOptions.Retry.Delay = TimeSpan.FromMilliseconds(20);
            ingestionOptions.Retry.MaxDelay = TimeSpan.FromMilliseconds(100);
            ingestionOptions.RetryBudget = TimeSpan.FromSeconds(1);
            builder.Services.AddSingleton(ingestionOptions);
            builder.Services.AddSingleton(query.ClientOptions());
        });
        await app.StartAsync(TestContext.Current.CancellationToken);

        // Log Analytics is down while the checks run: their rows wait in the spool (Azurite's MonitorSpool table).
        var down = true;
        ingestion.IsDown = () => down;
        await InvokeAsync(app, "SyntheticChecks");
        await app.Services.GetRequiredService<SpoolingResultsWriter>().BackgroundFlush;
        Assert.Empty(ingestion.RowsOf("Custom-MonitorCheckRun_CL"));
        Assert.True((await app.Services.GetRequiredService<IRowSpool>().SizeAsync(TestContext.Current.CancellationToken)).Rows > 0);
        down = false;
        await InvokeAsync(app, "SloEvaluation");
        var heartbeat = await InvokeAsync(app, "Heartbeat");
        Assert.Contains("Spool: delivered", heartbeat, StringComparison.Ordinal);

        var run = Assert.Single(ingestion.RowsOf("Custom-MonitorCheckRun_CL"));
        Assert.Equal(("health", "Healthy", true), ((string?)run["CheckName"], (string?)run["Outcome"], (bool?)run["Success"]));
        Assert.EndsWith("Z", (string?)run["TimeGenerated"], StringComparison.Ordinal);
        var slo = Assert.Single(ingestion.RowsOf("Custom-MonitorSloStatus_CL"));
        Assert.Equal(("health-availability", 99L, 100L), ((string?)slo["SloName"], (long?)slo["Good"], (long?)slo["Total"]));
        Assert.Single(ingestion.RowsOf("Custom-MonitorHeartbeat_CL"));
        Assert.All(ingestion.Requests, r => Assert.Equal(("dcr-0123456789abcdef", "Bearer " + Token), (r.RuleId, r.Authorization)));
        var sliQuery = Assert.Single(query.Requests);
        Assert.Equal(("workspace-1", "Bearer " + Token), (sliQuery.Workspace, sliQuery.Authorization));
        Assert.Contains("CheckName == \"health\"", sliQuery.Query, StringComparison.Ordinal);
        Assert.IsType<TableStateStore>(app.Services.GetRequiredService<IStateStore>());
        Assert.IsType<LogAnalyticsSliReader>(app.Services.GetRequiredService<ISliReader>());
        Assert.IsType<TeeResultsWriter>(app.Services.GetRequiredService<IResultsWriter>());
        Assert.IsType<TableRowSpool>(app.Services.GetRequiredService<IRowSpool>());
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task TestNotify_SendsEmailThroughAcs_WhenAcsIsConfigured()
    {
        await using var acs = await AcsEmailFake.StartAsync(Token);
        var port = FreePort();
        var specPath = Path.Combine(data.FullName, "notify.yaml");
        await File.WriteAllTextAsync(specPath, """
            version: monitoring/v1
            checks:
              - name: health
                enabled: false
                request: { url: "http://127.0.0.1:9/" }
            notifications:
              channels:
                oncall-email: { email: { to: [oncall@example.com] } }
              routes:
                - name: pages
                  channels: [oncall-email]
            """, TestContext.Current.CancellationToken);
        await using var app = MonitoringApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["urls"] = $"http://127.0.0.1:{port}",
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["Monitoring:StateTable"] = table,
                ["Monitoring:Azure:AcsEndpoint"] = acs.Endpoint.ToString(),
                ["Monitoring:Azure:EmailSender"] = "DoNotReply@monitor.example.com",
                ["Monitoring:SpecPath"] = specPath,
                ["Monitoring:DatabasePath"] = Path.Combine(data.FullName, "monitoring.db"),
                ["Monitoring:OutboxPath"] = Path.Combine(data.FullName, "outbox.jsonl"),
                ["Monitoring:Scheduler"] = "false",
                ["Monitoring:Demo"] = "false",
            });
            builder.Services.AddSingleton(new HostEnvironment(null, false));
            builder.Services.AddSingleton<TokenCredential>(new StaticTokenCredential(Token));
            builder.Services.AddSingleton(acs.ClientOptions(TimeProvider.System));
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var response = await http.PostAsync("/api/notifications/test", null, TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var (_, body) = Assert.Single(acs.Sends);
        Assert.Equal("DoNotReply@monitor.example.com", (string?)body["senderAddress"]);
        Assert.Equal("oncall@example.com", (string?)body["recipients"]!["to"]![0]!["address"]);
        Assert.False(File.Exists(Path.Combine(data.FullName, "outbox.jsonl")) && (await File.ReadAllTextAsync(Path.Combine(data.FullName, "outbox.jsonl"), TestContext.Current.CancellationToken)).Contains("\"email\"", StringComparison.Ordinal));
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void Build_Refuses_WhenIngestionIsHalfConfigured()
    {
        var error = Assert.Throws<InvalidOperationException>(() => MonitoringApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Monitoring:Azure:LogsIngestionEndpoint"] = "https://dce.example.com/",
                ["Monitoring:DatabasePath"] = Path.Combine(data.FullName, "monitoring.db"),
            });
            builder.Services.AddSingleton(new HostEnvironment(null, false));
        }));

        Assert.Contains("DcrImmutableId", error.Message, StringComparison.Ordinal);
    }

    public async ValueTask InitializeAsync()
    {
        ingestion = await IngestionFake.StartAsync(Token);
        query = await QueryFake.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await ingestion.DisposeAsync();
        await query.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        data.Delete(recursive: true);
    }

    private static async Task<string> InvokeAsync(Microsoft.AspNetCore.Builder.WebApplication app, string function)
    {
        var handler = app.Services.GetServices<IFunctionHandler>().Single(h => h.FunctionName == function);
        return string.Join("\n", await handler.InvokeAsync(new InvocationRequest(null, null), TestContext.Current.CancellationToken));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
