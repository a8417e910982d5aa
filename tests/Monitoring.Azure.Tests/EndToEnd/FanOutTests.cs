using System.Net;
using System.Net.Sockets;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Azure.FanOut;
using Monitoring.Azure.Tests.Support;
using Monitoring.Core.Ports;
using Monitoring.Functions.FanOut;
using Monitoring.Functions.Hosting;
using Monitoring.Functions.Invocation;
using Xunit;

namespace Monitoring.Azure.Tests.EndToEnd;

/// <summary>
/// The queue fan-out on Azurite's queue, with the whole app: CheckDispatch enqueues the due checks, the local listener
/// (standing in for the Functions host's queue trigger) hands them to RunChecks with the host's payload, and the runs
/// are stored; an unusable message ends in the poison queue.
/// </summary>
public sealed class FanOutTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly DirectoryInfo data = Directory.CreateTempSubdirectory("monitoring-fanout-");
    private readonly string queue = AzuriteFixture.UniqueName("checks");
    private WebApplication app = null!;

    [Fact]
    public async Task Dispatch_RunsEveryDueCheckThroughTheQueue()
    {
        var dispatched = await InvokeAsync("CheckDispatch", new InvocationRequest(null, null));
        Assert.Contains("Dispatched 4 due checks in 2 messages", dispatched, StringComparison.Ordinal);

        // In-process, SyntheticChecks no longer runs checks: the queue does.
        Assert.Contains("Ran 0 of 0 due checks", await InvokeAsync("SyntheticChecks", new InvocationRequest(null, null)), StringComparison.Ordinal);

        var history = app.Services.GetRequiredService<ICheckRunHistory>();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        IReadOnlyDictionary<string, IReadOnlyList<Core.Checks.CheckRunResult>> runs;
        do
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            runs = await history.GetRecentRunsByCheckAsync(1, TestContext.Current.CancellationToken);
        }
        while (runs.Count < 4 && DateTimeOffset.UtcNow < deadline);

        Assert.Equal(["alpha", "beta", "broken", "gamma"], runs.Keys.Order(StringComparer.Ordinal));
        Assert.All(["alpha", "beta", "gamma"], name => Assert.Equal(Core.Checks.CheckOutcome.Healthy, runs[name][0].Outcome));
        Assert.Equal(Core.Checks.CheckOutcome.Failed, runs["broken"][0].Outcome);
    }

    [Fact]
    public async Task UnusableMessage_GoesToThePoisonQueue_AndNothingRuns()
    {
        var poison = new QueueClient(azurite.ConnectionString, queue + "-poison", CheckFanOut.ClientOptions());
        await app.Services.GetRequiredService<CheckFanOut>().SendAsync("{not json", delay: null, TestContext.Current.CancellationToken);

        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        var count = 0;
        do
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            count = (await poison.PeekMessagesAsync(10, TestContext.Current.CancellationToken)).Value.Length;
        }
        while (count == 0 && DateTimeOffset.UtcNow < deadline);

        var message = Assert.Single((await poison.PeekMessagesAsync(10, TestContext.Current.CancellationToken)).Value);
        Assert.Equal("{not json", message.MessageText);
        Assert.Empty(await app.Services.GetRequiredService<ICheckRunHistory>().GetRecentRunsByCheckAsync(1, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RunChecks_AsksForAConfirmationRun_WhenACheckFailsForTheFirstTime()
    {
        var payload = new System.Text.Json.Nodes.JsonObject { ["message"] = new CheckDispatchMessage(["broken"], DateTimeOffset.UtcNow).ToJson() };

        var logs = await InvokeAsync("RunChecks", new InvocationRequest(payload, null));

        Assert.Contains("Ran 1 checks from the queue: 1 failed, 1 to confirm", logs, StringComparison.Ordinal);
    }

    public async ValueTask InitializeAsync()
    {
        var port = FreePort();
        var specPath = Path.Combine(data.FullName, "monitoring.yaml");
        await File.WriteAllTextAsync(specPath, $$"""
            version: monitoring/v1
            checks:
              - name: alpha
                request: { url: "http://127.0.0.1:{{port}}/api/health" }
              - name: beta
                request: { url: "http://127.0.0.1:{{port}}/api/health" }
              - name: gamma
                request: { url: "http://127.0.0.1:{{port}}/api/health" }
              - name: broken
                request: { url: "http://127.0.0.1:9/" }
            """, TestContext.Current.CancellationToken);
        app = MonitoringApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["urls"] = $"http://127.0.0.1:{port}",
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["Monitoring:StateTable"] = AzuriteFixture.UniqueName("state"),
                ["Monitoring:FanOut"] = "true",
                ["Monitoring:CheckQueue"] = queue,
                ["Monitoring:FanOutBatchSize"] = "2",
                ["Monitoring:SpecPath"] = specPath,
                ["Monitoring:DatabasePath"] = Path.Combine(data.FullName, "monitoring.db"),
                ["Monitoring:OutboxPath"] = Path.Combine(data.FullName, "outbox.jsonl"),
                ["Monitoring:Scheduler"] = "false",
                ["Monitoring:Demo"] = "false",
            });
            builder.Services.AddSingleton(new HostEnvironment(null, false));
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(TestContext.Current.CancellationToken);
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        data.Delete(recursive: true);
    }

    private async Task<string> InvokeAsync(string function, InvocationRequest request)
    {
        var handler = app.Services.GetServices<IFunctionHandler>().Single(h => h.FunctionName == function);
        return string.Join("\n", await handler.InvokeAsync(request, TestContext.Current.CancellationToken));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
