using Microsoft.Data.Sqlite;
using Monitoring.Local.Sqlite;
using Xunit;

namespace Monitoring.Local.Tests.Sqlite;

/// <summary>A database file in its own temporary directory, deleted with every database opened on it.</summary>
public sealed class TemporaryDatabase : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("monitoring-sqlite-");
    private readonly List<SqliteDatabase> _opened = [];

    /// <summary>The file path; its parent directory is a fresh temporary one.</summary>
    public string FilePath => Path.Combine(_directory.FullName, "data", "monitoring.db");

    /// <summary>A new <see cref="SqliteDatabase"/> object on the file, as another app instance would have.</summary>
    public SqliteDatabase Create(TimeSpan? retention = null, TimeProvider? timeProvider = null) =>
        Track(new SqliteDatabase(new SqliteStoreOptions(FilePath, retention ?? SqliteStoreOptions.DefaultRetention), timeProvider));

    /// <summary>Like <see cref="Create"/>, then initialized.</summary>
    public async Task<SqliteDatabase> OpenAsync(TimeSpan? retention = null, TimeProvider? timeProvider = null)
    {
        var database = Create(retention, timeProvider);
        await database.InitializeAsync(TestContext.Current.CancellationToken);
        return database;
    }

    /// <summary>Disposes <paramref name="database"/> with this file.</summary>
    public SqliteDatabase Track(SqliteDatabase database)
    {
        _opened.Add(database);
        return database;
    }

    /// <summary>A connection outside the stores, for inspecting the file.</summary>
    public SqliteConnection OpenRawConnection()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        foreach (var database in _opened)
        {
            database.Dispose();
        }

        // Test code may have used raw pooled connections too; none may keep the file open.
        SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }
}
