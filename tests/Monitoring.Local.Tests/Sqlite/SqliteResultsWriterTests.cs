using System.Text.Json.Nodes;
using Monitoring.Core.Results;
using Monitoring.Local.Sqlite;
using Xunit;
using static Monitoring.Contracts.MonitorTableSamples;

namespace Monitoring.Local.Tests.Sqlite;

public sealed class SqliteResultsWriterTests : IDisposable
{
    private readonly TemporaryDatabase _file = new();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static TheoryData<string> MonitorTableNames => [.. MonitorTables.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(MonitorTableNames))]
    public async Task AppendAsync_StoresEveryValueWithItsColumnType_ForEveryMonitorTable(string tableName)
    {
        var table = MonitorTables.All.Single(t => t.Name == tableName);
        var written = RowOf(table, Noon);
        var database = await _file.OpenAsync();

        await new SqliteResultsWriter(database).AppendAsync([written], Cancellation);
        var read = await ReadAllAsync(database, table);

        var row = Assert.Single(read);
        for (var c = 0; c < table.Columns.Length; c++)
        {
            var expected = written.Values[c]!;
            var actual = row.Values[c];
            Assert.IsType(expected is JsonNode ? typeof(JsonObject) : expected.GetType(), actual);
            Assert.True(
                expected is JsonNode node ? JsonNode.DeepEquals(node, (JsonNode?)actual) : expected.Equals(actual),
                $"{table.Columns[c].Name}: wrote {expected}, read {actual}.");
        }
    }

    [Fact]
    public async Task AppendAsync_StoresTimeAsUnixMillisecondsAndFlagsAsIntegers_SoPlainSqlCanFilterThem()
    {
        var database = await _file.OpenAsync();

        await new SqliteResultsWriter(database).AppendAsync([CheckRunRows.ToRow(CheckoutRun)], Cancellation);

        using var connection = _file.OpenRawConnection();
        using var query = connection.CreateCommand();
        query.CommandText = """SELECT "TimeGenerated", "Success", typeof("Steps"), json_array_length("Steps") FROM "MonitorCheckRun_CL";""";
        using var reader = query.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal((Noon.ToUnixTimeMilliseconds(), 1L, "text", 5L), (reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetInt64(3)));
    }

    [Theory]
    // Values of the wrong CLR type
    [InlineData("Attempts", "a string in an Int column")]
    [InlineData("Success", "an int in a Boolean column")]
    [InlineData("Steps", "a string in a Dynamic column")]
    // Values that would lose meaning
    [InlineData("TimeGenerated", "a local DateTime")]
    [InlineData("StatusCode", "a long beyond the Int range")]
    public async Task AppendAsync_RejectsBatchNamingTheColumn_WhenValueDoesNotFit(string column, string @case)
    {
        object badValue = @case switch
        {
            "a string in an Int column" => "3",
            "an int in a Boolean column" => 1,
            "a string in a Dynamic column" => "[]",
            "a local DateTime" => new DateTime(2026, 3, 14, 12, 0, 0, DateTimeKind.Local),
            "a long beyond the Int range" => 5_000_000_000L,
            _ => throw new ArgumentOutOfRangeException(nameof(@case), @case, "Unknown case."),
        };
        var good = CheckRunRows.ToRow(CheckoutRun);
        var bad = new TableRow(good.Table, good.Values.SetItem(good.Table.IndexOf(column), badValue));
        var database = await _file.OpenAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new SqliteResultsWriter(database).AppendAsync([good, bad], Cancellation));

        Assert.Contains($"Column MonitorCheckRun_CL.{column} is ", error.Message, StringComparison.Ordinal);
        Assert.Empty(await ReadAllAsync(database, MonitorTables.CheckRun));
    }

    [Fact]
    public async Task AppendAsync_RejectsRows_WhenTableIsNotAMonitorTable()
    {
        var custom = new TableDefinition("Custom_CL", "Not a monitor table.", [new("TimeGenerated", ColumnType.DateTime, "When.")]);
        var database = await _file.OpenAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => new SqliteResultsWriter(database).AppendAsync([new TableRow(custom, [Noon])], Cancellation));

        Assert.StartsWith("Rows must belong to a monitor table. Custom_CL is not one of", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetRecentRunsAsync_ReadsRunsWrittenByAnotherInstance_WhenTheyShareTheFile()
    {
        var writer = new SqliteResultsWriter(await _file.OpenAsync());
        var history = new SqliteCheckRunHistory(await _file.OpenAsync());

        await writer.AppendAsync([CheckRunRows.ToRow(CheckoutRun)], Cancellation);

        Assert.Equal([CheckoutRun.RunId], (await history.GetRecentRunsAsync(CheckoutRun.CheckName, 5, Cancellation)).Select(r => r.RunId));
    }

    public void Dispose() => _file.Dispose();

    private static async Task<List<TableRow>> ReadAllAsync(SqliteDatabase database, TableDefinition table)
    {
        await using var connection = await database.OpenConnectionAsync(Cancellation);
        using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {SqliteSchema.ColumnList(table)} FROM {SqliteSchema.Quote(table.Name)} ORDER BY rowid;";
        using var reader = await query.ExecuteReaderAsync(Cancellation);
        var rows = new List<TableRow>();
        while (await reader.ReadAsync(Cancellation))
        {
            rows.Add(SqliteTableRows.Read(reader, table));
        }

        return rows;
    }
}
