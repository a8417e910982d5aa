using Monitoring.Contracts;
using Monitoring.Local.Sqlite;

namespace Monitoring.Local.Tests.Sqlite;

public sealed class SqliteSliReaderTests : SliReaderContract, IDisposable
{
    private readonly TemporaryDatabase _file = new();

    protected override async Task<SliReaderUnderTest> CreateAsync()
    {
        var database = await _file.OpenAsync();
        return new SliReaderUnderTest(new SqliteResultsWriter(database), new SqliteSliReader(database));
    }

    public void Dispose() => _file.Dispose();
}
