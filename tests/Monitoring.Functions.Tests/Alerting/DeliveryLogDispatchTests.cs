using System.Collections.Immutable;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Monitoring.Core.Notifications;
using Monitoring.Core.Ports;
using Monitoring.Core.Results;
using Monitoring.Core.Routing;
using Monitoring.Core.Secrets;
using Monitoring.Functions.Alerting;
using Monitoring.Functions.Notifications;
using Monitoring.Functions.Tests.Support;
using Monitoring.Local.Sqlite;
using Xunit;

namespace Monitoring.Functions.Tests.Alerting;

/// <summary>
/// The dispatcher records every delivery in MonitorDelivery_CL, on a real SQLite file, with real
/// channels: the outbox, a webhook that answers 500, and a route naming a channel that does not exist.
/// </summary>
public sealed class DeliveryLogDispatchTests : IAsyncDisposable
{
    private static readonly DateTimeOffset At = new(2026, 3, 14, 12, 0, 0, TimeSpan.Zero);

    // Three quick attempts, so a failing webhook gives up in milliseconds rather than seconds.
    private static readonly DeliveryPolicy Quick = new(3, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(5));

    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("monitoring-dispatch-");
    private readonly FakeLogger<NotificationDispatcher> logger = new();
    private readonly SecretRedactor redactor = new();
    private readonly HttpClient http = new();
    private readonly OutboxFile outbox;
    private readonly SqliteDatabase database;
    private LoopbackServer? failingHook;

    public DeliveryLogDispatchTests()
    {
        outbox = new OutboxFile(Path.Combine(directory.FullName, "outbox.jsonl"));
        database = new SqliteDatabase(new SqliteStoreOptions(Path.Combine(directory.FullName, "monitoring.db")));
    }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DispatchAsync_RecordsEveryDeliveryInOneAppend_WhenOneIsDeliveredOneFailsAndOneChannelIsUnknown()
    {
        await database.InitializeAsync(Cancellation);
        var writer = new CountingWriter(new SqliteResultsWriter(database));
        var dispatcher = await DispatcherAsync(writer, "outbox", "ops-hook", "typo-hook");

        var records = await dispatcher.DispatchAsync([Firing("check:checkout"), Firing("check:login")], Cancellation);
        var log = await new SqliteDeliveryLog(database).ReadRecentAsync(10, Cancellation);

        Assert.Equal(1, writer.Appends);
        Assert.Equal(3, records.Count);

        // The log reads newest first, so reversed it is in the route's channel order.
        Assert.Equal(
            [
                ("outbox", "outbox", true, 1, (int?)null, (string?)null),
                ("ops-hook", "webhook", false, 3, 500, "the endpoint answered 500 Internal Server Error"),
                ("typo-hook", null, false, 0, null, "no such channel"),
            ],
            log.Reverse().Select(d => (d.Channel, d.ChannelKind, d.Delivered, d.Attempts, d.StatusCode, d.Error)));
        Assert.All(log, d =>
        {
            Assert.Equal(("pages", "firing", 2, records[0].GroupKey), (d.Route, d.Kind, d.Alerts, d.GroupKey));
            Assert.Equal(["check:checkout", "check:login"], d.AlertKeys);
            Assert.False(d.IsTest);
        });
        Assert.Single(await outbox.ReadLatestAsync(10, Cancellation));
    }

    [Fact]
    public async Task DeliverAsync_RecordsAnEscalationLevelsChannels_UnderTheRouteThatEscalated()
    {
        await database.InitializeAsync(Cancellation);
        var dispatcher = await DispatcherAsync(new SqliteResultsWriter(database), "outbox");
        var reminder = Firing("check:checkout") with { Kind = NotificationKind.Reminder };

        await dispatcher.DeliverAsync("pages", ["outbox"], new NotificationMessage("pages/shop", [reminder]), Cancellation);

        var entry = Assert.Single(await new SqliteDeliveryLog(database).ReadRecentAsync(10, Cancellation));
        Assert.Equal(("pages", "outbox", "pages/shop", "reminder", true), (entry.Route, entry.Channel, entry.GroupKey, entry.Kind, entry.Delivered));
    }

    [Fact]
    public async Task DispatchAsync_StillDeliversAndWarns_WhenTheDeliveryLogCannotBeWritten()
    {
        // The database is never initialized, so every write to it fails.
        var dispatcher = await DispatcherAsync(new SqliteResultsWriter(database), "outbox");

        var records = await dispatcher.DispatchAsync([Firing("check:checkout")], Cancellation);

        Assert.True(Assert.Single(records).Result.Delivered);
        Assert.Single(await outbox.ReadLatestAsync(10, Cancellation));
        var warning = Assert.Single(logger.Collector.GetSnapshot(), r => r.Id.Id == 523);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.IsType<InvalidOperationException>(warning.Exception);
    }

    public async ValueTask DisposeAsync()
    {
        if (failingHook is not null)
        {
            await failingHook.DisposeAsync();
        }

        http.Dispose();
        outbox.Dispose();
        database.Dispose();
        SqliteConnection.ClearAllPools();
        directory.Delete(recursive: true);
    }

    private async Task<NotificationDispatcher> DispatcherAsync(IResultsWriter writer, params string[] routeChannels)
    {
        failingHook = await LoopbackServer.StartAsync(app => app.MapPost("/hooks", () => Results.StatusCode(StatusCodes.Status500InternalServerError)));
        var delivery = new HttpJsonDelivery(http, Quick, TimeProvider.System, redactor);
        var channels = new Dictionary<string, INotificationChannel>(StringComparer.Ordinal)
        {
            ["outbox"] = new OutboxChannel("outbox", outbox, TimeProvider.System),
            ["ops-hook"] = new WebhookChannel("ops-hook", failingHook.Url("/hooks"), [], delivery),
        };
        var route = new RouteSpec("pages", RouteMatch.Any, [.. routeChannels], false, ["service"], TimeSpan.FromHours(1), true, []);
        return new NotificationDispatcher(new Router([route], route), channels, writer, redactor, TimeProvider.System, logger);
    }

    private static Notification Firing(string key) => new(
        NotificationKind.Firing, key, key + " failing", Severities.Critical, "shop", "payments", "it answered 500", null, At, At, null, null,
        ImmutableSortedDictionary<string, string>.Empty);

    private sealed class CountingWriter(IResultsWriter inner) : IResultsWriter
    {
        public int Appends { get; private set; }

        public async Task AppendAsync(IReadOnlyList<TableRow> rows, CancellationToken cancellationToken)
        {
            Appends++;
            await inner.AppendAsync(rows, cancellationToken);
        }
    }
}
