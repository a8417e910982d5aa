using Monitoring.Contracts;
using Monitoring.Local.Sqlite;

namespace Monitoring.Local.Tests.Sqlite;

public sealed class SqliteResultsStoreTests : ResultsStoreContract, IDisposable
{
    private readonly TemporaryDatabase _file = new();

    protected override async Task<ResultsStoreUnderTest> CreateStoreAsync()
    {
        var database = await _file.OpenAsync();
        return new ResultsStoreUnderTest(new SqliteResultsWriter(database), new SqliteCheckRunHistory(database));
    }

    public void Dispose() => _file.Dispose();
}
