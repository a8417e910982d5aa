using Microsoft.Extensions.Time.Testing;
using Monitoring.Core.State;
using Monitoring.Local.Sqlite;
using Xunit;

namespace Monitoring.Local.Tests.Sqlite;

public sealed class SqliteStateStoreClockTests : IDisposable
{
    private readonly TemporaryDatabase _file = new();

    [Fact]
    public async Task TryWriteAsync_StampsUpdatedAtFromTheClock_ToTheMillisecond()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 14, 12, 0, 0, TimeSpan.Zero).AddTicks(1_234_567));
        var store = new SqliteStateStore(await _file.OpenAsync(), clock);
        var cancellation = TestContext.Current.CancellationToken;

        var first = await store.TryWriteAsync("alerts", "checkout", "{}", StateWriteCondition.Always, cancellation);
        clock.Advance(TimeSpan.FromMinutes(5));
        var second = await store.TryWriteAsync("alerts", "checkout", "{}", StateWriteCondition.Always, cancellation);

        Assert.Equal(new DateTimeOffset(2026, 3, 14, 12, 0, 0, 123, TimeSpan.Zero), first!.UpdatedAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 12, 5, 0, 123, TimeSpan.Zero), second!.UpdatedAt);
        Assert.Equal(second, await store.GetAsync("alerts", "checkout", cancellation));
    }

    public void Dispose() => _file.Dispose();
}
