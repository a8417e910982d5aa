using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Monitoring.Core.Notifications;
using Monitoring.Core.Results;
using Xunit;
using static Monitoring.Contracts.MonitorTableSamples;

namespace Monitoring.Core.Tests.Notifications;

public sealed class DeliveryRowsTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 14, 13, 5, 0, TimeSpan.FromHours(1));

    private static readonly string[] ScalarColumns = ["Route", "Channel", "ChannelKind", "GroupKey", "Alerts", "Kind", "Delivered", "Attempts", "StatusCode", "Error", "DurationMs"];

    [Fact]
    public void ToRow_FillsEveryColumn_WhenTheDeliveryFailed()
    {
        var row = DeliveryRows.ToRow(WebhookDelivery with { At = At, DurationMs = 7012.123456 });

        Assert.Same(MonitorTables.Delivery, row.Table);
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 12, 5, 0, TimeSpan.Zero), row["TimeGenerated"]);
        Assert.Equal(TimeSpan.Zero, ((DateTimeOffset)row["TimeGenerated"]!).Offset);
        Assert.Equal(
            ["pages", "ops-hook", "webhook", "pages/shop", 2, "firing", false, 4, 500, "the endpoint answered 500 Internal Server Error", 7012.123],
            ScalarColumns.Select(c => row[c]));
        Assert.Equal("""["check:checkout","degraded:checkout"]""", ((JsonArray)row["AlertKeys"]!).ToJsonString());
    }

    [Fact]
    public void FromRow_ReturnsTheEntry_ThatToRowWrote()
    {
        var read = DeliveryRows.FromRow(DeliveryRows.ToRow(WebhookDelivery));

        Assert.Equal(WebhookDelivery with { AlertKeys = [] }, read with { AlertKeys = [] });
        Assert.Equal(WebhookDelivery.AlertKeys, read.AlertKeys);
    }

    [Fact]
    public void FromRow_ReadsNoAlertKeys_WhenTheColumnIsNotAnArrayOfStrings()
    {
        var read = DeliveryRows.FromRow(RowOf(MonitorTables.Delivery, Noon));

        Assert.Empty(read.AlertKeys);
        Assert.Equal("Channel text é", read.Channel);
    }

    [Fact]
    public void FromRow_Throws_WhenTheRowIsOfAnotherTable()
    {
        Assert.Throws<ArgumentException>(() => DeliveryRows.FromRow(RowOf(MonitorTables.Alert, Noon)));
    }

    [Theory]
    // One kind
    [InlineData("firing", NotificationKind.Firing)]
    [InlineData("resolved", NotificationKind.Resolved, NotificationKind.Resolved)]
    [InlineData("reminder", NotificationKind.Reminder)]
    [InlineData("test", NotificationKind.Test)]
    // Mixed kinds are listed once each, in a stable order whatever the message order
    [InlineData("firing,resolved", NotificationKind.Resolved, NotificationKind.Firing, NotificationKind.Resolved)]
    [InlineData("firing,reminder", NotificationKind.Reminder, NotificationKind.Firing)]
    public void For_NamesTheKindsTheMessageCarries_WhenItsAlertsAre(string expected, params NotificationKind[] kinds)
    {
        var message = new NotificationMessage("pages/shop", [.. kinds.Select((kind, i) => Notification(kind, "check:" + i))]);

        var entry = DeliveryLogEntry.For(At, "pages", "outbox", "outbox", message, new DeliveryResult(true, 1, null, null, TimeSpan.FromMilliseconds(3)));

        Assert.Equal(expected, entry.Kind);
        Assert.Equal(expected == "test", entry.IsTest);
        Assert.Equal(kinds.Length, entry.Alerts);
        Assert.Equal(kinds.Select((_, i) => "check:" + i), entry.AlertKeys);
        Assert.Equal((At.ToUniversalTime(), 3.0), (entry.At, entry.DurationMs));
    }

    private static Notification Notification(NotificationKind kind, string key) => new(
        kind, key, key + " failing", Severities.Critical, "shop", "payments", "it broke", null, At, At, null, null,
        ImmutableSortedDictionary<string, string>.Empty);
}
