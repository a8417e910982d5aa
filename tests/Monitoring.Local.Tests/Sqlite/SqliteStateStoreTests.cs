using Monitoring.Contracts;
using Monitoring.Core.Ports;
using Monitoring.Local.Sqlite;

namespace Monitoring.Local.Tests.Sqlite;

public sealed class SqliteStateStoreTests : StateStoreContract, IDisposable
{
    private readonly TemporaryDatabase _file = new();

    protected override async Task<IStateStore> CreateStoreAsync() => new SqliteStateStore(await _file.OpenAsync());

    // A second SqliteDatabase object on the same file stands in for a second app instance.
    protected override async Task<IStateStore> CreateSecondInstanceAsync() => new SqliteStateStore(await _file.OpenAsync());

    public void Dispose() => _file.Dispose();
}
