using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Core.Alerting;
using Monitoring.Functions.Invocation;
using Monitoring.Functions.Notifications;
using Monitoring.Functions.Tests.Support;
using Xunit;

namespace Monitoring.Functions.Tests.Alerting;

/// <summary>
/// The whole app on a fake clock: a check that stops producing runs raises its no-data alert on the heartbeat,
/// and the alert resolves once a run is stored again.
/// </summary>
public sealed class CheckNoDataTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private const string Spec = """
        version: monitoring/v1
        checks:
          - name: homepage
            interval: 1m
            maxDuration: 20s
            request: { url: "${env:SHOP_URL}/" }
          - name: archived
            enabled: false
            request: { url: "${env:SHOP_URL}/" }
        notifications:
          defaultChannels: [outbox]
        """;

    [Fact]
    public async Task Heartbeat_RaisesNoData_WhenACheckStopsProducingRuns_AndResolvesOnTheNextRun()
    {
        var time = new FakeTimeProvider(Start);
        await using var app = await TestApp.StartAsync(await TestApp.WriteSpecAsync(_ => Spec), time: time);
        var engine = app.App.Services.GetRequiredService<AlertEngine>();
        var outbox = app.App.Services.GetRequiredService<OutboxFile>();
        var cancellationToken = TestContext.Current.CancellationToken;

        // A run now, then silence: 3 intervals and a run's maximum (3m30s) is still fine, a minute more is not.
        await InvokeAsync(app, "SyntheticChecks");
        time.Advance(TimeSpan.FromMinutes(3));
        Assert.Contains("0 without recent runs", await InvokeAsync(app, "Heartbeat"), StringComparison.Ordinal);
        Assert.Empty(await OutboxAlerts.ForKeyAsync(outbox, CheckAlerts.NoDataKey("homepage")));

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Contains("1 without recent runs: homepage", await InvokeAsync(app, "Heartbeat"), StringComparison.Ordinal);
        var firing = Assert.Single(await OutboxAlerts.ForKeyAsync(outbox, CheckAlerts.NoDataKey("homepage")));
        Assert.Equal("warning", (string?)firing["severity"]);
        Assert.Contains("last ran at", (string?)firing["summary"], StringComparison.Ordinal);
        Assert.NotEqual(AlertState.Firing, (await engine.GetAsync(CheckAlerts.NoDataKey("archived"), cancellationToken))?.Phase);

        // The next run is stored: the next heartbeat resolves it.
        await InvokeAsync(app, "SyntheticChecks");
        time.Advance(TimeSpan.FromSeconds(30));
        await InvokeAsync(app, "Heartbeat");
        Assert.Equal(AlertState.Resolved, (await engine.GetAsync(CheckAlerts.NoDataKey("homepage"), cancellationToken))!.Phase);
    }

    private static async Task<string> InvokeAsync(TestApp app, string function)
    {
        var handler = app.App.Services.GetServices<IFunctionHandler>().Single(h => h.FunctionName == function);
        var logs = await handler.InvokeAsync(new InvocationRequest(null, null), TestContext.Current.CancellationToken);
        return string.Join("\n", logs);
    }
}
