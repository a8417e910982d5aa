using Azure.Data.Tables;
using Monitoring.Azure.State;
using Monitoring.Azure.Tests.Support;
using Monitoring.Contracts;
using Monitoring.Core.Ports;
using Monitoring.Core.State;
using Xunit;

namespace Monitoring.Azure.Tests.State;

/// <summary>The state store contract, against Azure Tables on a real Azurite.</summary>
public sealed class TableStateStoreTests(AzuriteFixture azurite) : StateStoreContract
{
    private readonly string table = AzuriteFixture.UniqueName("state");

    protected override Task<IStateStore> CreateStoreAsync() => Task.FromResult<IStateStore>(new TableStateStore(Client()));

    // A second client on the same table stands in for a second app instance.
    protected override Task<IStateStore> CreateSecondInstanceAsync() => Task.FromResult<IStateStore>(new TableStateStore(Client()));

    [Theory]
    [InlineData("check:checkout")]
    [InlineData("a/b\\c#d?e%f")]
    [InlineData("tab\there")]
    public async Task TryWriteAsync_RoundTripsKeysTheServiceForbids(string key)
    {
        var store = new TableStateStore(Client());

        var written = await store.TryWriteAsync("alerts", key, "{}", StateWriteCondition.Always, TestContext.Current.CancellationToken);

        Assert.NotNull(written);
        Assert.Equal(key, (await store.GetAsync("alerts", key, TestContext.Current.CancellationToken))!.Key);
        Assert.Equal([key], (await store.ListAsync("alerts", TestContext.Current.CancellationToken)).Select(e => e.Key));
        Assert.Equal(key, TableStateStore.Decode(TableStateStore.Encode(key)));
    }

    [Fact]
    public async Task TryWriteAsync_KeepsValuesLongerThanOneTableProperty()
    {
        var store = new TableStateStore(Client());
        var value = string.Concat(Enumerable.Range(0, 20_000).Select(i => (char)('a' + (i % 26)))) + new string('é', 70_000);

        var written = await store.TryWriteAsync("email-digests", "oncall-email", value, StateWriteCondition.IfAbsent, TestContext.Current.CancellationToken);
        var replaced = await store.TryWriteAsync("email-digests", "oncall-email", value + "!", StateWriteCondition.IfMatch(written!.ETag), TestContext.Current.CancellationToken);

        Assert.NotNull(replaced);
        Assert.Equal(value + "!", (await store.GetAsync("email-digests", "oncall-email", TestContext.Current.CancellationToken))!.Value);
    }

    private TableClient Client() => new(azurite.ConnectionString, table);
}
