using Monitoring.Core.Notifications;
using Monitoring.Core.Results;
using Xunit;
using static Monitoring.Contracts.MonitorTableSamples;

namespace Monitoring.Contracts;

/// <summary>
/// The behaviour every <see cref="Monitoring.Core.Ports.IDeliveryLog"/> must have. Derive once per adapter.
/// Rows go in through the results writer as <see cref="DeliveryRows"/> makes them and come back newest first.
/// </summary>
public abstract class DeliveryLogContract
{
    /// <summary>A writer and delivery log on fresh, empty storage.</summary>
    protected abstract Task<DeliveryLogUnderTest> CreateAsync();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("a webhook delivery that failed after retries")]
    [InlineData("an outbox delivery with no status code or error")]
    [InlineData("a delivery to a channel that is not configured")]
    [InlineData("a test delivery with unicode text and a non-UTC start")]
    public async Task ReadRecentAsync_ReturnsTheDeliveryAsWritten_WhenItIs(string @case)
    {
        var entry = @case switch
        {
            "a webhook delivery that failed after retries" => WebhookDelivery,
            "an outbox delivery with no status code or error" => WebhookDelivery with
            {
                Channel = "outbox",
                ChannelKind = "outbox",
                AlertKeys = ["check:checkout"],
                Kind = "firing,resolved",
                Delivered = true,
                Attempts = 1,
                StatusCode = null,
                Error = null,
                DurationMs = 0.25,
            },
            "a delivery to a channel that is not configured" => WebhookDelivery with
            {
                Channel = "typo-hook",
                ChannelKind = null,
                Attempts = 0,
                StatusCode = null,
                Error = "no such channel",
                DurationMs = 0,
            },
            "a test delivery with unicode text and a non-UTC start" => WebhookDelivery with
            {
                Route = "bereitschaft-zürich",
                GroupKey = "test:bereitschaft-zürich",
                AlertKeys = ["test:bereitschaft-zürich"],
                Kind = DeliveryLogEntry.TestKind,
                Error = "Zeitüberschreitung — keine Antwort 🐢",
                At = new DateTimeOffset(2026, 3, 14, 13, 30, 0, 250, TimeSpan.FromHours(2)),
            },
            _ => throw new ArgumentOutOfRangeException(nameof(@case), @case, "Unknown case."),
        };
        var store = await CreateAsync();

        await store.Writer.AppendAsync([DeliveryRows.ToRow(entry)], Cancellation);
        var read = Assert.Single(await store.Log.ReadRecentAsync(10, Cancellation));

        AssertSameDelivery(entry, read);
    }

    [Fact]
    public async Task ReadRecentAsync_ReturnsNewestFirstUpToLimit_WhenThereAreMore()
    {
        var store = await CreateAsync();
        foreach (var minute in new[] { 3, 0, 4, 1, 2 })
        {
            await store.Writer.AppendAsync([DeliveryRows.ToRow(DeliveryOf("hook-" + minute, Noon.AddMinutes(minute)))], Cancellation);
        }

        var read = await store.Log.ReadRecentAsync(3, Cancellation);

        Assert.Equal(["hook-4", "hook-3", "hook-2"], read.Select(d => d.Channel));
    }

    [Fact]
    public async Task ReadRecentAsync_PutsTheLaterWrittenFirst_WhenDeliveriesStartedAtTheSameInstant()
    {
        var store = await CreateAsync();
        await store.Writer.AppendAsync([DeliveryRows.ToRow(DeliveryOf("first", Noon)), DeliveryRows.ToRow(DeliveryOf("second", Noon))], Cancellation);
        await store.Writer.AppendAsync([DeliveryRows.ToRow(DeliveryOf("third", Noon))], Cancellation);

        var read = await store.Log.ReadRecentAsync(10, Cancellation);

        Assert.Equal(["third", "second", "first"], read.Select(d => d.Channel));
    }

    [Fact]
    public async Task ReadRecentAsync_ReturnsEmpty_WhenNothingWasDelivered()
    {
        var store = await CreateAsync();
        await store.Writer.AppendAsync([CheckRunRows.ToRow(CheckoutRun)], Cancellation);

        Assert.Empty(await store.Log.ReadRecentAsync(10, Cancellation));
    }

    [Fact]
    public async Task ReadRecentAsync_Throws_WhenLimitIsNegative()
    {
        var store = await CreateAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.Log.ReadRecentAsync(-1, Cancellation));
    }

    // Records compare ImmutableArray fields by reference, so the alert keys are compared element by element.
    private static void AssertSameDelivery(DeliveryLogEntry expected, DeliveryLogEntry actual)
    {
        Assert.Equal(expected with { AlertKeys = [], At = expected.At.ToUniversalTime() }, actual with { AlertKeys = [] });
        Assert.Equal(expected.AlertKeys, actual.AlertKeys);
        Assert.Equal(TimeSpan.Zero, actual.At.Offset);
    }
}
