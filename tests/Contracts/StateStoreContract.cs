using System.Text;
using Monitoring.Core.Ports;
using Monitoring.Core.State;
using Xunit;

namespace Monitoring.Contracts;

/// <summary>
/// The behaviour every <see cref="IStateStore"/> adapter must have. Derive once per adapter and
/// supply two stores that share one storage, as two app instances would.
/// </summary>
public abstract class StateStoreContract
{
    private const string Partition = "leases";

    /// <summary>A store on fresh, empty storage.</summary>
    protected abstract Task<IStateStore> CreateStoreAsync();

    /// <summary>Another store on the storage of the one <see cref="CreateStoreAsync"/> made, as a second app instance.</summary>
    protected abstract Task<IStateStore> CreateSecondInstanceAsync();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAsync_ReturnsNull_WhenKeyIsMissing()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.GetAsync(Partition, "missing", Cancellation));
    }

    [Fact]
    public async Task TryWriteAsync_InsertsOnceAndReturnsNullAfter_WhenConditionIsIfAbsent()
    {
        var store = await CreateStoreAsync();

        var first = await store.TryWriteAsync(Partition, "scheduler", "instance-a", StateWriteCondition.IfAbsent, Cancellation);
        var second = await store.TryWriteAsync(Partition, "scheduler", "instance-b", StateWriteCondition.IfAbsent, Cancellation);

        Assert.NotNull(first);
        Assert.Equal((Partition, "scheduler", "instance-a"), (first.Partition, first.Key, first.Value));
        Assert.False(string.IsNullOrEmpty(first.ETag));
        Assert.Null(second);
        Assert.Equal(first, await store.GetAsync(Partition, "scheduler", Cancellation));
    }

    [Fact]
    public async Task TryWriteAsync_ReturnsNullAndKeepsValue_WhenIfMatchETagIsStale()
    {
        var store = await CreateStoreAsync();
        var original = await WriteAsync(store, "scheduler", "v1");
        var current = await store.TryWriteAsync(Partition, "scheduler", "v2", StateWriteCondition.IfMatch(original.ETag), Cancellation);
        Assert.NotNull(current);

        var stale = await store.TryWriteAsync(Partition, "scheduler", "v3", StateWriteCondition.IfMatch(original.ETag), Cancellation);

        Assert.Null(stale);
        Assert.Equal(current, await store.GetAsync(Partition, "scheduler", Cancellation));
    }

    [Fact]
    public async Task TryWriteAsync_ReplacesValueWithNewETag_WhenIfMatchETagIsCurrent()
    {
        var store = await CreateStoreAsync();
        var original = await WriteAsync(store, "scheduler", "v1");

        var replaced = await store.TryWriteAsync(Partition, "scheduler", "v2", StateWriteCondition.IfMatch(original.ETag), Cancellation);

        Assert.NotNull(replaced);
        Assert.Equal("v2", replaced.Value);
        Assert.NotEqual(original.ETag, replaced.ETag);
        Assert.False(string.IsNullOrEmpty(replaced.ETag));
        Assert.Equal(replaced, await store.GetAsync(Partition, "scheduler", Cancellation));
    }

    [Fact]
    public async Task TryWriteAsync_ReturnsNull_WhenIfMatchTargetsMissingKey()
    {
        var store = await CreateStoreAsync();
        var elsewhere = await WriteAsync(store, "other", "v1");

        var written = await store.TryWriteAsync(Partition, "missing", "v1", StateWriteCondition.IfMatch(elsewhere.ETag), Cancellation);

        Assert.Null(written);
        Assert.Null(await store.GetAsync(Partition, "missing", Cancellation));
    }

    [Fact]
    public async Task TryWriteAsync_InsertsThenReplaces_WhenConditionIsAlways()
    {
        var store = await CreateStoreAsync();

        var inserted = await store.TryWriteAsync(Partition, "cursor", "v1", StateWriteCondition.Always, Cancellation);
        var replaced = await store.TryWriteAsync(Partition, "cursor", "v2", StateWriteCondition.Always, Cancellation);

        Assert.NotNull(inserted);
        Assert.NotNull(replaced);
        Assert.Equal("v2", replaced.Value);
        Assert.NotEqual(inserted.ETag, replaced.ETag);
        Assert.Equal(replaced, await store.GetAsync(Partition, "cursor", Cancellation));
    }

    [Fact]
    public async Task ListAsync_ReturnsEntriesOfThePartitionOrderedByKey_WhenSeveralPartitionsHaveEntries()
    {
        var store = await CreateStoreAsync();

        // Ordinal order puts upper case before lower case, unlike culture-aware order.
        foreach (var key in new[] { "b-2", "c", "a-1", "B-0" })
        {
            await WriteAsync(store, key, "value of " + key);
        }

        await store.TryWriteAsync("leases-archive", "a-0", "elsewhere", StateWriteCondition.Always, Cancellation);
        await store.TryWriteAsync("alerts", "a-0", "elsewhere", StateWriteCondition.Always, Cancellation);

        var entries = await store.ListAsync(Partition, Cancellation);

        Assert.Equal(["B-0", "a-1", "b-2", "c"], entries.Select(e => e.Key));
        Assert.All(entries, e => Assert.Equal((Partition, "value of " + e.Key), (e.Partition, e.Value)));
    }

    [Fact]
    public async Task ListAsync_ReturnsEmpty_WhenPartitionHasNoEntries()
    {
        var store = await CreateStoreAsync();
        await WriteAsync(store, "a", "v1");

        Assert.Empty(await store.ListAsync("silences", Cancellation));
    }

    [Fact]
    public async Task DeleteAsync_ReturnsFalseAndKeepsEntry_WhenETagIsWrong()
    {
        var store = await CreateStoreAsync();
        var original = await WriteAsync(store, "ack", "v1");
        var current = await store.TryWriteAsync(Partition, "ack", "v2", StateWriteCondition.IfMatch(original.ETag), Cancellation);

        var deleted = await store.DeleteAsync(Partition, "ack", original.ETag, Cancellation);

        Assert.False(deleted);
        Assert.Equal(current, await store.GetAsync(Partition, "ack", Cancellation));
    }

    [Fact]
    public async Task DeleteAsync_ReturnsTrueAndRemovesEntry_WhenETagMatches()
    {
        var store = await CreateStoreAsync();
        var entry = await WriteAsync(store, "ack", "v1");

        var deleted = await store.DeleteAsync(Partition, "ack", entry.ETag, Cancellation);

        Assert.True(deleted);
        Assert.Null(await store.GetAsync(Partition, "ack", Cancellation));
    }

    [Fact]
    public async Task DeleteAsync_RemovesEntry_WhenNoETagIsGiven()
    {
        var store = await CreateStoreAsync();
        await WriteAsync(store, "ack", "v1");

        Assert.True(await store.DeleteAsync(Partition, "ack", null, Cancellation));
        Assert.Null(await store.GetAsync(Partition, "ack", Cancellation));
    }

    [Fact]
    public async Task DeleteAsync_ReturnsFalse_WhenKeyIsMissing()
    {
        var store = await CreateStoreAsync();

        Assert.False(await store.DeleteAsync(Partition, "missing", null, Cancellation));
    }

    [Fact]
    public async Task TryWriteAsync_LetsExactlyOneWriterWin_WhenTwoInstancesRaceWithTheSameETag()
    {
        var first = await CreateStoreAsync();
        var second = await CreateSecondInstanceAsync();
        var seed = await WriteAsync(first, "scheduler", "nobody");

        var attempts = Enumerable.Range(0, 20).Select(i => Task.Run(
            () => (i % 2 == 0 ? first : second).TryWriteAsync(Partition, "scheduler", $"instance-{i}", StateWriteCondition.IfMatch(seed.ETag), Cancellation),
            Cancellation));
        var results = await Task.WhenAll(attempts);

        var winner = Assert.Single(results, r => r is not null);
        Assert.Equal(winner, await second.GetAsync(Partition, "scheduler", Cancellation));
        Assert.Equal(winner, await first.GetAsync(Partition, "scheduler", Cancellation));
    }

    [Fact]
    public async Task TryWriteAsync_LetsExactlyOneWriterWin_WhenTwoInstancesRaceToInsert()
    {
        var first = await CreateStoreAsync();
        var second = await CreateSecondInstanceAsync();

        var attempts = Enumerable.Range(0, 20).Select(i => Task.Run(
            () => (i % 2 == 0 ? first : second).TryWriteAsync(Partition, "scheduler", $"instance-{i}", StateWriteCondition.IfAbsent, Cancellation),
            Cancellation));
        var results = await Task.WhenAll(attempts);

        var winner = Assert.Single(results, r => r is not null);
        Assert.Equal(winner, await second.GetAsync(Partition, "scheduler", Cancellation));
    }

    [Theory]
    [InlineData("unicode text", "{\"team\":\"Zürich Ωmega\",\"note\":\"部署 🚀 \\u0000 done\",\"quote\":\"'\\\"\"}")]
    [InlineData("an empty string", "")]
    [InlineData("large JSON", null)]
    public async Task TryWriteAsync_RoundTripsValue_WhenValueIs(string description, string? value)
    {
        _ = description;
        var store = await CreateStoreAsync();
        value ??= LargeJson();

        var written = await store.TryWriteAsync(Partition, "payload 🔑 ключ", value, StateWriteCondition.Always, Cancellation);
        var read = await store.GetAsync(Partition, "payload 🔑 ключ", Cancellation);

        Assert.NotNull(read);
        Assert.Equal(value, read.Value);
        Assert.Equal(written, read);
    }

    // Azure Tables caps one string property at 64 KiB of UTF-16 (32K characters); values
    // up to 30,000 characters must round-trip through every adapter.
    private static string LargeJson()
    {
        var json = new StringBuilder("[");
        for (var i = 0; json.Length < 29_900; i++)
        {
            json.Append(i == 0 ? string.Empty : ",").Append("{\"id\":").Append(i).Append(",\"name\":\"silence-").Append(i).Append("\"}");
        }

        return json.Append(']').ToString();
    }

    private static async Task<StateEntry> WriteAsync(IStateStore store, string key, string value)
    {
        var entry = await store.TryWriteAsync(Partition, key, value, StateWriteCondition.Always, Cancellation);
        Assert.NotNull(entry);
        return entry;
    }
}
