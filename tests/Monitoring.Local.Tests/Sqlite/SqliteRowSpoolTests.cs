using Monitoring.Contracts;
using Monitoring.Core.Ports;
using Monitoring.Core.Spool;
using Monitoring.Local.Sqlite;

namespace Monitoring.Local.Tests.Sqlite;

/// <summary>The row spool contract, against the embedded SQLite database.</summary>
public sealed class SqliteRowSpoolTests : RowSpoolContract, IDisposable
{
    private readonly TemporaryDatabase _file = new();

    protected override async Task<IRowSpool> CreateSpoolAsync(RowSpoolBound bound) => new SqliteRowSpool(await _file.OpenAsync(), bound, Clock);

    // A second SqliteDatabase object on the same file stands in for a second app instance, or the app restarted.
    protected override async Task<IRowSpool> CreateSecondInstanceAsync(RowSpoolBound bound) => new SqliteRowSpool(await _file.OpenAsync(), bound, Clock);

    public void Dispose() => _file.Dispose();
}
