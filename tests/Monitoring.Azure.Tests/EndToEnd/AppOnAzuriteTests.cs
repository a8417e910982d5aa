using System.Net.Http.Json;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Azure.State;
using Monitoring.Azure.Tests.Support;
using Monitoring.Core.Ports;
using Monitoring.Functions.Hosting;
using Xunit;

namespace Monitoring.Azure.Tests.EndToEnd;

/// <summary>The whole app with <c>AzureWebJobsStorage</c> pointed at Azurite: its state lives in Azurite's tables.</summary>
public sealed class AppOnAzuriteTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Spec = """
        version: monitoring/v1
        checks:
          - name: checkout
            enabled: false
            request: { url: "http://127.0.0.1:9/" }
        """;

    private readonly DirectoryInfo data = Directory.CreateTempSubdirectory("monitoring-azurite-");
    private readonly string table = AzuriteFixture.UniqueName("state");

    [Fact]
    public async Task Silences_AreStoredInAzuriteTables_WhenAzureWebJobsStoragePointsThere()
    {
        var specPath = Path.Combine(data.FullName, "monitoring.yaml");
        await File.WriteAllTextAsync(specPath, Spec, TestContext.Current.CancellationToken);
        await using var app = MonitoringApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["urls"] = "http://127.0.0.1:0",
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["Monitoring:StateTable"] = table,
                ["Monitoring:SpecPath"] = specPath,
                ["Monitoring:DatabasePath"] = Path.Combine(data.FullName, "monitoring.db"),
                ["Monitoring:OutboxPath"] = Path.Combine(data.FullName, "outbox.jsonl"),
                ["Monitoring:Scheduler"] = "false",
                ["Monitoring:Demo"] = "false",
            });
            builder.Services.AddSingleton(new HostEnvironment(null, false));
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        var created = await http.PostAsJsonAsync("/api/silences", new { matchers = new { service = "shop" }, duration = "2h", createdBy = "alice", comment = "deploy" }, TestContext.Current.CancellationToken);

        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.IsType<TableStateStore>(app.Services.GetRequiredService<IStateStore>());
        var rows = new TableClient(azurite.ConnectionString, table).QueryAsync<TableEntity>(e => e.PartitionKey == "silences", cancellationToken: TestContext.Current.CancellationToken);
        var silence = Assert.Single(await rows.ToListAsync(TestContext.Current.CancellationToken));
        Assert.Contains("alice", silence.GetString("Value"), StringComparison.Ordinal);
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        data.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }
}
