using System.Collections.Immutable;
using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Core.Notifications;
using Monitoring.Core.Notifications.Digests;
using Monitoring.Core.Spec;
using Monitoring.Core.State;
using Monitoring.Functions.Notifications;
using Xunit;

namespace Monitoring.Functions.Tests.Notifications;

public sealed class OutboxTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("monitoring-outbox-");

    [Fact]
    public async Task OutboxChannel_AppendsOneLinePerMessage_NewestReadFirst()
    {
        using var outbox = new OutboxFile(Path.Combine(folder.FullName, "outbox", "notifications.jsonl"));
        var channel = new OutboxChannel("local", outbox, TimeProvider.System);

        await channel.DeliverAsync(Message("first"), TestContext.Current.CancellationToken);
        var result = await channel.DeliverAsync(Message("second"), TestContext.Current.CancellationToken);

        Assert.True(result.Delivered);
        var entries = await outbox.ReadLatestAsync(10, TestContext.Current.CancellationToken);
        Assert.Equal(["second", "first"], entries.Select(e => (string?)e["payload"]!["alerts"]![0]!["name"]));
        Assert.Equal(2, File.ReadAllLines(outbox.Path).Length);
        Assert.Equal((byte)'{', File.ReadAllBytes(outbox.Path)[0]);
    }

    [Fact]
    public async Task OutboxFile_SkipsATornLine_AndKeepsTheRest()
    {
        using var outbox = new OutboxFile(Path.Combine(folder.FullName, "notifications.jsonl"));
        await new OutboxChannel("local", outbox, TimeProvider.System).DeliverAsync(Message("kept"), TestContext.Current.CancellationToken);
        await File.AppendAllTextAsync(outbox.Path, "{\"deliveredAt\":\"2026-11-23T10:00", TestContext.Current.CancellationToken);

        var entries = await outbox.ReadLatestAsync(10, TestContext.Current.CancellationToken);

        Assert.Equal("kept", (string?)Assert.Single(entries)["payload"]!["alerts"]![0]!["name"]);
    }

    [Fact]
    public async Task OutboxEmailSender_RecordsOneDigestEmailForTheWholeGroup()
    {
        using var outbox = new OutboxFile(Path.Combine(folder.FullName, "notifications.jsonl"));
        // No group wait: the first message of an unused budget goes at once.
        var digests = new EmailDigestStore(new InMemoryStateStore(), "oncall-email", new EmailDigestPolicy(EmailRate.Default with { GroupWait = TimeSpan.Zero }, TimeSpan.FromMinutes(5)));
        var email = new EmailChannel("oncall-email", ["oncall@example.com"], new OutboxEmailSender(outbox, TimeProvider.System), digests, TimeProvider.System, NullLogger<EmailChannel>.Instance);

        var result = await email.DeliverAsync(new NotificationMessage("g", [Alert("a"), Alert("b"), Alert("c")]), TestContext.Current.CancellationToken);

        var entry = Assert.Single(await outbox.ReadLatestAsync(10, TestContext.Current.CancellationToken));
        Assert.Equal("email", (string?)entry["kind"]);
        Assert.True(result.Delivered);
        Assert.Equal("[CRITICAL] 3 alerts firing — shop", (string?)entry["subject"]);
        Assert.Equal("oncall@example.com", (string?)entry["to"]![0]);
    }

    public void Dispose() => folder.Delete(recursive: true);

    private static NotificationMessage Message(string name) => new("g", [Alert(name)]);

    private static Notification Alert(string name) => new(NotificationKind.Firing, "check:" + name, name, Severities.Critical, "shop", null,
        name + " is failing", null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMinutes(3), null, null, ImmutableSortedDictionary<string, string>.Empty);
}
