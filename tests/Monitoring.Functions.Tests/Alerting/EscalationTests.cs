using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Core.Alerting;
using Monitoring.Core.Notifications;
using Monitoring.Core.Ports;
using Monitoring.Core.Results;
using Monitoring.Core.Routing;
using Monitoring.Core.Secrets;
using Monitoring.Core.State;
using Monitoring.Functions.Alerting;
using Monitoring.Functions.Execution;
using Monitoring.Functions.Hosting;
using Monitoring.Functions.Tests.Support;
using Xunit;

namespace Monitoring.Functions.Tests.Alerting;

/// <summary>Escalation levels and repeats, timed by the engine and delivered to the route's channels, on a fake clock.</summary>
public sealed class EscalationTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider time = new(Start);
    private readonly RecordingChannel oncall = new("oncall");
    private readonly RecordingChannel lead = new("lead");
    private readonly AlertEngine engine = new(new InMemoryStateStore());
    private readonly AlertingCycle alerting;

    public EscalationTests()
    {
        var route = new RouteSpec("pages", RouteMatch.Any, ["oncall"], false, ["service"], TimeSpan.FromHours(1), true,
            [new EscalationLevel(1, TimeSpan.FromMinutes(15), ["lead"])]);
        var router = new Router([route], route);
        var dispatcher = new NotificationDispatcher(router, new Dictionary<string, INotificationChannel> { ["oncall"] = oncall, ["lead"] = lead }, new NullResultsWriter(), new SecretRedactor(), time, NullLogger<NotificationDispatcher>.Instance);
        var spec = Spec();
        alerting = new AlertingCycle(engine, spec, new NullResultsWriter(), dispatcher, router, new CheckSchedule(), new RunbookLinks(spec, new DictionaryEnvironment(), () => null), time, NullLogger<AlertingCycle>.Instance);
    }

    [Fact]
    public async Task Escalation_ReachesTheLevelChannels_WhenDue_ThenRepeatsToTheRoute()
    {
        await FireAsync();
        Assert.Equal(["Firing"], oncall.Kinds);

        await EscalateAtAsync(TimeSpan.FromMinutes(14));
        Assert.Empty(lead.Kinds);

        await EscalateAtAsync(TimeSpan.FromMinutes(15));
        await EscalateAtAsync(TimeSpan.FromMinutes(16));
        Assert.Equal(["Reminder"], lead.Kinds);
        Assert.Equal(["Firing"], oncall.Kinds);

        await EscalateAtAsync(TimeSpan.FromMinutes(80));
        Assert.Equal(["Firing", "Reminder"], oncall.Kinds);
    }

    [Fact]
    public async Task Acknowledgement_StopsEscalationAndRepeats()
    {
        await FireAsync();
        await alerting.RecordAsync([(await engine.AcknowledgeAsync("check:checkout", "alice", time.GetUtcNow(), TestContext.Current.CancellationToken))!], TestContext.Current.CancellationToken);

        await EscalateAtAsync(TimeSpan.FromMinutes(20));
        await EscalateAtAsync(TimeSpan.FromHours(3));

        Assert.Empty(lead.Kinds);
        Assert.Equal(["Firing"], oncall.Kinds);
    }

    private async Task FireAsync()
    {
        var definition = new AlertDefinition
        {
            Key = "check:checkout",
            Name = "checkout failing",
            Source = AlertSource.Check,
            Service = "shop",
            Policy = AlertPolicy.Default with { FailureThreshold = 1 },
        };
        await alerting.ObserveAsync([new AlertObservation(definition, true, "checkout is down", time.GetUtcNow())], time.GetUtcNow(), TestContext.Current.CancellationToken);
    }

    private async Task EscalateAtAsync(TimeSpan sinceStart)
    {
        time.SetUtcNow(Start + sinceStart);
        await alerting.EscalateAsync(time.GetUtcNow(), TestContext.Current.CancellationToken);
    }

    private static SpecProvider Spec()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("monitoring-spec-").FullName, "monitoring.yaml");
        File.WriteAllText(path, """
            version: monitoring/v1
            checks:
              - name: checkout
                request: { url: "http://127.0.0.1:9/" }
            """);
        return new SpecProvider(path, new DictionaryEnvironment(), new SecretRedactor());
    }

    private sealed class RecordingChannel(string name) : INotificationChannel
    {
        private readonly ConcurrentQueue<string> kinds = new();

        public string Name => name;

        public string Kind => "test";

        public IReadOnlyList<string> Kinds => [.. kinds];

        public Task<DeliveryResult> DeliverAsync(NotificationMessage message, CancellationToken cancellationToken)
        {
            foreach (var alert in message.Alerts)
            {
                kinds.Enqueue(alert.Kind.ToString());
            }

            return Task.FromResult(new DeliveryResult(true, 1, null, null, TimeSpan.Zero));
        }
    }

    private sealed class NullResultsWriter : IResultsWriter
    {
        public Task AppendAsync(IReadOnlyList<TableRow> rows, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
