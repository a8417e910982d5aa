using Microsoft.Data.Sqlite;
using Monitoring.Core.Results;
using Monitoring.Local.Sqlite;
using Xunit;

namespace Monitoring.Local.Tests.Sqlite;

public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly TemporaryDatabase _file = new();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InitializeAsync_CreatesDirectoryAndSwitchesFileToWal_WhenFileIsNew()
    {
        Assert.False(Directory.Exists(Path.GetDirectoryName(_file.FilePath)));

        await _file.OpenAsync();

        using var connection = _file.OpenRawConnection();
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task OpenConnectionAsync_SetsNormalSynchronousAndBusyTimeout_OnEveryConnection()
    {
        var database = await _file.OpenAsync();

        for (var i = 0; i < 2; i++)
        {
            await using var connection = await database.OpenConnectionAsync(Cancellation);
            Assert.Equal(1L, Scalar(connection, "PRAGMA synchronous;"));
            Assert.Equal((long)SqliteDatabase.BusyTimeout.TotalMilliseconds, Scalar(connection, "PRAGMA busy_timeout;"));
            await using var setBack = connection.CreateCommand();
            setBack.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=0;";
            await setBack.ExecuteNonQueryAsync(Cancellation);
        }
    }

    [Fact]
    public async Task OpenConnectionAsync_ThrowsClearly_WhenNotInitialized()
    {
        var database = _file.Create();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => database.OpenConnectionAsync(Cancellation));

        Assert.Contains("call InitializeAsync", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitializeAsync_AppliesEachMigrationOnce_WhenRunAgainAndByASecondInstance()
    {
        var applied = new List<int>();
        var migrations = CountingMigrations(applied, 2);
        var first = _file.Track(new SqliteDatabase(new SqliteStoreOptions(_file.FilePath), migrations, null));
        var second = _file.Track(new SqliteDatabase(new SqliteStoreOptions(_file.FilePath), migrations, null));

        await first.InitializeAsync(Cancellation);
        await first.InitializeAsync(Cancellation);
        await second.InitializeAsync(Cancellation);

        Assert.Equal([1, 2], applied);
        Assert.Equal([1L, 2L], SchemaVersions());
    }

    [Fact]
    public async Task InitializeAsync_AppliesEachMigrationOnce_WhenInstancesStartTogether()
    {
        var applied = new List<int>();
        var migrations = CountingMigrations(applied, 3);
        var instances = Enumerable.Range(0, 4)
            .Select(_ => _file.Track(new SqliteDatabase(new SqliteStoreOptions(_file.FilePath), migrations, null)))
            .ToList();

        await Task.WhenAll(instances.Select(instance => Task.Run(() => instance.InitializeAsync(Cancellation), Cancellation)));

        Assert.Equal([1, 2, 3], applied);
        Assert.Equal([1L, 2L, 3L], SchemaVersions());
    }

    [Fact]
    public async Task InitializeAsync_AppliesOnlyTheNewMigration_WhenCodeGainsOne()
    {
        var applied = new List<int>();
        await _file.Track(new SqliteDatabase(new SqliteStoreOptions(_file.FilePath), CountingMigrations(applied, 1), null)).InitializeAsync(Cancellation);

        await _file.Track(new SqliteDatabase(new SqliteStoreOptions(_file.FilePath), CountingMigrations(applied, 2), null)).InitializeAsync(Cancellation);

        Assert.Equal([1, 2], applied);
        Assert.Equal([1L, 2L], SchemaVersions());
    }

    [Fact]
    public async Task InitializeAsync_LeavesNoTrace_WhenAMigrationFails()
    {
        SqliteMigration[] migrations =
        [
            .. SqliteMigrations.All,
            SqliteMigration.Sql(SqliteMigrations.All.Count + 1, "Half-done change", """CREATE TABLE "Partial" ("Id" INTEGER); SELECT * FROM "NoSuchTable";"""),
        ];
        var database = _file.Track(new SqliteDatabase(new SqliteStoreOptions(_file.FilePath), migrations, null));

        await Assert.ThrowsAsync<SqliteException>(() => database.InitializeAsync(Cancellation));

        using var connection = _file.OpenRawConnection();
        Assert.Equal(0L, Scalar(connection, """SELECT COUNT(*) FROM sqlite_master WHERE name IN ('Partial', 'SchemaVersion', 'MonitorCheckRun_CL');"""));
    }

    [Fact]
    public async Task InitializeAsync_RefusesDatabase_WhenSchemaVersionIsNewerThanCode()
    {
        var current = await _file.OpenAsync();
        var newer = current.LatestSchemaVersion + 1;
        using (var connection = _file.OpenRawConnection())
        {
            Execute(connection, $"""INSERT INTO "SchemaVersion" VALUES ({newer}, 'From a newer app', 0);""");
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _file.Create().InitializeAsync(Cancellation));

        Assert.StartsWith("The database schema is newer than this version of the app understands.", error.Message, StringComparison.Ordinal);
        Assert.Contains($"schema version {newer}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"up to {current.LatestSchemaVersion}", error.Message, StringComparison.Ordinal);
        Assert.Contains(_file.FilePath, error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> MonitorTableNames => [.. MonitorTables.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(MonitorTableNames))]
    public async Task InitializeAsync_CreatesTableWithTheColumnsOfItsDefinition_ForEveryMonitorTable(string tableName)
    {
        var table = MonitorTables.All.Single(t => t.Name == tableName);
        await _file.OpenAsync();

        using var connection = _file.OpenRawConnection();
        var columns = Rows(connection, $"SELECT name, type FROM pragma_table_info('{tableName}') ORDER BY cid;");

        Assert.Equal(table.Columns.Select(c => ((object)c.Name, (object)ExpectedSqlType(c.Type))), columns.Select(c => (c[0], c[1])));
    }

    [Theory]
    [MemberData(nameof(MonitorTableNames))]
    public async Task InitializeAsync_IndexesTimeGenerated_ForEveryMonitorTable(string tableName)
    {
        await _file.OpenAsync();

        using var connection = _file.OpenRawConnection();
        var indexes = IndexedColumns(connection, tableName);

        Assert.Contains("TimeGenerated", indexes);
        Assert.Equal(tableName == MonitorTables.CheckRun.Name || tableName == MonitorTables.DataCheck.Name, indexes.Contains("CheckName,TimeGenerated"));
    }

    [Fact]
    public async Task InitializeAsync_IndexesDataCheckResultsByCheckAndTime_WhenTheFileWasCreatedBeforeThatIndex()
    {
        // A file at schema version 2, before migration 3 added the index, with a data-check row in it.
        await _file.Track(new SqliteDatabase(new SqliteStoreOptions(_file.FilePath), [.. SqliteMigrations.All.Take(2)], null)).InitializeAsync(Cancellation);
        using (var connection = _file.OpenRawConnection())
        {
            Assert.DoesNotContain("CheckName,TimeGenerated", IndexedColumns(connection, MonitorTables.DataCheck.Name));
            Execute(connection, $"""INSERT INTO "{MonitorTables.DataCheck.Name}" ("TimeGenerated", "CheckName", "Kind") VALUES (1, 'orders-feed', 'freshness');""");
        }

        SqliteConnection.ClearAllPools();
        await _file.OpenAsync();

        using var inspect = _file.OpenRawConnection();
        Assert.Contains("CheckName,TimeGenerated", IndexedColumns(inspect, MonitorTables.DataCheck.Name));
        Assert.Equal(1L, Scalar(inspect, $"""SELECT COUNT(*) FROM "{MonitorTables.DataCheck.Name}" WHERE "CheckName" = 'orders-feed';"""));
        Assert.Equal([1L, 2L, 3L], SchemaVersions());
    }

    [Fact]
    public async Task InitializeAsync_AddsMissingColumns_WhenTableWasCreatedByAnOlderVersion()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file.FilePath)!);
        using (var connection = _file.OpenRawConnection())
        {
            Execute(connection, """CREATE TABLE "MonitorHeartbeat_CL" ("TimeGenerated" INTEGER NOT NULL, "Instance" TEXT) STRICT;""");
            Execute(connection, """INSERT INTO "MonitorHeartbeat_CL" VALUES (1, 'old-instance');""");
        }

        await _file.OpenAsync();

        using var inspect = _file.OpenRawConnection();
        Assert.Equal(
            MonitorTables.Heartbeat.Columns.Select(c => (object)c.Name),
            Rows(inspect, "SELECT name FROM pragma_table_info('MonitorHeartbeat_CL') ORDER BY cid;").Select(r => r[0]));
        Assert.Equal(1L, Scalar(inspect, """SELECT COUNT(*) FROM "MonitorHeartbeat_CL" WHERE "Instance" = 'old-instance' AND "Version" IS NULL;"""));
    }

    [Fact]
    public async Task InitializeAsync_CreatesAMonitorTableTheFileLacks_WhenTheFileWasCreatedByAnOlderVersion()
    {
        // A file at the current schema version made before MonitorDelivery_CL existed: the table is dropped after the fact.
        await _file.OpenAsync();
        using (var connection = _file.OpenRawConnection())
        {
            Execute(connection, $"""DROP TABLE "{MonitorTables.Delivery.Name}";""");
        }

        SqliteConnection.ClearAllPools();
        await _file.OpenAsync();

        using var inspect = _file.OpenRawConnection();
        Assert.Equal(
            MonitorTables.Delivery.Columns.Select(c => (object)c.Name),
            Rows(inspect, $"SELECT name FROM pragma_table_info('{MonitorTables.Delivery.Name}') ORDER BY cid;").Select(r => r[0]));
        Assert.Contains("TimeGenerated", IndexedColumns(inspect, MonitorTables.Delivery.Name));
        Assert.Equal([1L, 2L, 3L], SchemaVersions());
    }

    [Fact]
    public void Constructor_RejectsOptions_WhenRetentionIsNotPositive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SqliteDatabase(new SqliteStoreOptions(_file.FilePath, TimeSpan.Zero)));
    }

    public void Dispose() => _file.Dispose();

    private static string ExpectedSqlType(ColumnType type) => type switch
    {
        ColumnType.String or ColumnType.Dynamic or ColumnType.Guid => "TEXT",
        ColumnType.Int or ColumnType.Long or ColumnType.Boolean or ColumnType.DateTime => "INTEGER",
        ColumnType.Real => "REAL",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown column type."),
    };

    private static List<SqliteMigration> CountingMigrations(List<int> applied, int count) =>
    [
        .. Enumerable.Range(1, count).Select(version => new SqliteMigration(version, $"Counted change {version}", (_, _, _) =>
        {
            applied.Add(version);
            return Task.CompletedTask;
        })),
    ];

    private List<long> SchemaVersions()
    {
        using var connection = _file.OpenRawConnection();
        return [.. Rows(connection, """SELECT "Version" FROM "SchemaVersion" ORDER BY "Version";""").Select(r => (long)r[0])];
    }

    private static HashSet<string> IndexedColumns(SqliteConnection connection, string table) =>
    [
        .. Rows(connection, $"""
            SELECT group_concat(info.name, ',') FROM pragma_index_list('{table}') AS list, pragma_index_info(list.name) AS info
            GROUP BY list.name;
            """).Select(r => (string)r[0]),
    ];

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<object[]> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }
}
