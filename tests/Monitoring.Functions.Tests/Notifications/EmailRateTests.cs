using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Core.Notifications;
using Monitoring.Core.Ports;
using Monitoring.Functions.Alerting;
using Monitoring.Functions.Invocation;
using Monitoring.Functions.Notifications;
using Monitoring.Functions.Tests.Support;
using Xunit;

namespace Monitoring.Functions.Tests.Notifications;

/// <summary>
/// The whole app on a fake clock with the real outbox and SQLite state: an alert storm to one email
/// channel stays within its hourly budget, loses nothing, and what is held goes on the tick, across a restart too.
/// </summary>
public sealed class EmailRateTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    // One alert group per alert, a one-minute group interval so the hourly budget, not the interval, is what binds.
    private const string Spec = """
        version: monitoring/v1
        checks:
          - name: checkout
            enabled: false
            request: { url: "http://127.0.0.1:9/" }
        notifications:
          channels:
            oncall-email: { email: { to: [oncall@example.com], groupInterval: 1m } }
          routes:
            - name: pages
              channels: [oncall-email]
              groupBy: [alert]
          defaultChannels: [oncall-email]
        """;

    [Fact]
    public async Task AlertStorm_SendsAtMostTenEmailsAnHour_WithEveryAlert_AndTheTickFlushesTheRestWhenTheHourRolls()
    {
        var time = new FakeTimeProvider(Start);
        await using var app = await TestApp.StartAsync(await WriteSpecAsync(), time: time);
        var dispatcher = app.App.Services.GetRequiredService<NotificationDispatcher>();
        var outbox = app.App.Services.GetRequiredService<OutboxFile>();

        // 25 alerts, one every 70 seconds over 30 minutes, and the 10-second tick throughout and for an hour after.
        var held = 0;
        for (var tick = 0; tick <= 90 * 6; tick++)
        {
            time.SetUtcNow(Start + TimeSpan.FromSeconds(10 * tick));
            if (tick % 7 == 0 && tick / 7 < 25)
            {
                var records = await dispatcher.DispatchAsync([Alert(tick / 7, time.GetUtcNow())], TestContext.Current.CancellationToken);
                held += records.Count(r => r.Result.Held && !r.Result.Delivered);
            }

            await TickAsync(app);
        }

        var emails = await EmailsAsync(outbox);
        Assert.All(emails, e => Assert.True(emails.Count(other => other.At >= e.At && other.At < e.At + TimeSpan.FromHours(1)) <= 10, $"More than 10 emails in the hour from {e.At:HH:mm:ss}."));
        Assert.Equal(Enumerable.Range(0, 25).Select(Name), emails.SelectMany(e => Names(e.Text)));
        Assert.Equal(11, emails.Count);
        Assert.Equal(Start.AddSeconds(30) + TimeSpan.FromHours(1), emails[^1].At);
        Assert.Contains("15 alerts firing", emails[^1].Subject, StringComparison.Ordinal);
        Assert.True(held >= 15, $"Only {held} deliveries said they were held.");
        Assert.Contains(app.Logs.GetSnapshot(), r => r.Message.Contains("for a later digest", StringComparison.Ordinal));

        // The delivery log says which messages were held and when each digest the tick sent went, with every alert in it.
        var log = await app.App.Services.GetRequiredService<IDeliveryLog>().ReadRecentAsync(500, TestContext.Current.CancellationToken);
        Assert.Equal(held, log.Count(e => e.Held && !e.Delivered));
        var digests = log.Where(e => e.Route == EmailDigestFlusher.DigestRoute).ToList();
        Assert.NotEmpty(digests);
        Assert.All(digests, d => Assert.True(d.Delivered && d.Channel == "oncall-email" && d.ChannelKind == "email"));
        Assert.Contains(digests, d => d.At == emails[^1].At && d.Alerts == 15);
    }

    [Fact]
    public async Task HeldAlerts_AreSentAfterARestart_FromTheStateInSqlite()
    {
        var time = new FakeTimeProvider(Start);
        var spec = await WriteSpecAsync();
        string data;
        await using (var first = await TestApp.StartAsync(spec, time: time))
        {
            first.KeepData = true;
            data = first.DataDirectory;
            var dispatcher = first.App.Services.GetRequiredService<NotificationDispatcher>();
            var records = await dispatcher.DispatchAsync([Alert(0, Start), Alert(1, Start)], TestContext.Current.CancellationToken);
            Assert.All(records, r => Assert.True(r.Result.Held));
            Assert.Empty(await EmailsAsync(first.App.Services.GetRequiredService<OutboxFile>()));
        }

        time.SetUtcNow(Start.AddSeconds(40));
        await using var second = await TestApp.StartAsync(spec, time: time, dataDirectoryPath: data);
        await TickAsync(second);

        var email = Assert.Single(await EmailsAsync(second.App.Services.GetRequiredService<OutboxFile>()));
        Assert.Equal([Name(0), Name(1)], Names(email.Text));
        Assert.Equal("[CRITICAL] 2 alerts firing — shop", email.Subject);
    }

    private static Task<string> WriteSpecAsync() => TestApp.WriteSpecAsync(_ => Spec);

    private static async Task TickAsync(TestApp app)
    {
        var tick = app.App.Services.GetServices<IFunctionHandler>().Single(h => h.FunctionName == "SyntheticChecks");
        await tick.InvokeAsync(new InvocationRequest(null, null), TestContext.Current.CancellationToken);
    }

    private static string Name(int i) => $"journey j{i:00} failing";

    private static Notification Alert(int i, DateTimeOffset at) => new(
        NotificationKind.Firing, $"check:j{i:00}", Name(i), Severities.Critical, "shop", null, $"Journey j{i:00} failed 3 runs in a row.", null,
        at, at, null, null, ImmutableSortedDictionary<string, string>.Empty);

    // The names in an email's overview and detail blocks, in order, each once: from the detail headings.
    private static IEnumerable<string> Names(string text) =>
        text.Split('\n').Where(l => l.StartsWith("Firing · ", StringComparison.Ordinal)).Select(l => l[(l.LastIndexOf(" · ", StringComparison.Ordinal) + 3)..]);

    private static async Task<List<(DateTimeOffset At, string Subject, string Text)>> EmailsAsync(OutboxFile outbox) =>
        [.. (await outbox.ReadLatestAsync(1000, TestContext.Current.CancellationToken))
            .Where(e => (string?)e["kind"] == "email")
            .Select(e => (DateTimeOffset.Parse((string)e["deliveredAt"]!, System.Globalization.CultureInfo.InvariantCulture), (string)e["subject"]!, (string)e["plainText"]!))
            .Reverse()];
}
