using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Monitoring.Local.Sqlite;

/// <summary>
/// The embedded store's database file: opens pooled connections in WAL mode and brings the schema
/// up to date. Call <see cref="InitializeAsync"/> once at start before using any store built on it.
/// </summary>
/// <remarks>
/// WAL lets readers (status page) run while a writer commits, and <c>synchronous=NORMAL</c> skips
/// the fsync per commit: a commit survives a crash of the app, though the last ones may be lost on
/// power failure, which is acceptable for the local default. Several instances (processes or
/// <see cref="SqliteDatabase"/> objects) may share one file; writers take turns, waiting up to the busy timeout.
/// </remarks>
public sealed class SqliteDatabase : IDisposable
{
    /// <summary>How long a connection waits for another writer before failing with SQLITE_BUSY.</summary>
    public static TimeSpan BusyTimeout { get; } = TimeSpan.FromSeconds(5);

    private readonly IReadOnlyList<SqliteMigration> _migrations;
    private readonly TimeProvider _timeProvider;
    private readonly string _connectionString;
    private volatile bool _initialized;

    /// <summary>A database at <see cref="SqliteStoreOptions.DatabasePath"/>; nothing is opened until <see cref="InitializeAsync"/>.</summary>
    /// <param name="options">Where the file is and how long results are kept.</param>
    /// <param name="timeProvider">Stamps applied migrations; defaults to the system clock.</param>
    public SqliteDatabase(SqliteStoreOptions options, TimeProvider? timeProvider = null)
        : this(options, SqliteMigrations.All, timeProvider)
    {
    }

    /// <summary>A database with a custom migration list, for tests of the migration runner.</summary>
    internal SqliteDatabase(SqliteStoreOptions options, IReadOnlyList<SqliteMigration> migrations, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(migrations);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DatabasePath, nameof(options));
        if (options.Retention <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Retention, "Retention must be positive.");
        }

        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new ArgumentException($"Migrations must be numbered 1, 2, 3 and so on in order. Position {i} has version {migrations[i].Version}.", nameof(migrations));
            }
        }

        Options = options;
        FilePath = Path.GetFullPath(options.DatabasePath);
        _migrations = migrations;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString();
    }

    /// <summary>The options this database was created with.</summary>
    public SqliteStoreOptions Options { get; }

    /// <summary>The absolute path of the database file.</summary>
    public string FilePath { get; }

    /// <summary>The schema version this code brings a database to.</summary>
    public int LatestSchemaVersion => _migrations.Count;

    /// <summary>
    /// Creates the file and its directory if needed, switches it to WAL and applies the migrations it lacks,
    /// all in one transaction. Safe to call again and from several instances at once.
    /// Throws <see cref="InvalidOperationException"/> when the file's schema is newer than this code knows.
    /// </summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await using var connection = await OpenConfiguredAsync(cancellationToken);

        // The journal mode is stored in the file, so every later connection (of any instance) uses WAL too.
        await SqliteSchema.ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken);

        // BeginTransaction takes the write lock up front (BEGIN IMMEDIATE), so two instances starting
        // together run the migrations one after the other and the second finds nothing left to do.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await SqliteSchema.ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS "SchemaVersion" (
                "Version" INTEGER NOT NULL PRIMARY KEY,
                "Description" TEXT NOT NULL,
                "AppliedAt" INTEGER NOT NULL
            ) STRICT;
            """, cancellationToken);

        var current = await CurrentVersionAsync(connection, transaction, cancellationToken);
        if (current > LatestSchemaVersion)
        {
            throw new InvalidOperationException(
                $"The database schema is newer than this version of the app understands. " +
                $"File {FilePath} has schema version {current.ToString(CultureInfo.InvariantCulture)}; this app knows versions up to {LatestSchemaVersion.ToString(CultureInfo.InvariantCulture)}. " +
                "Run a newer app or point it at another database file.");
        }

        foreach (var migration in _migrations.Where(m => m.Version > current))
        {
            await migration.ApplyAsync(connection, transaction, cancellationToken);
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = """INSERT INTO "SchemaVersion" ("Version", "Description", "AppliedAt") VALUES ($version, $description, $appliedAt);""";
            record.Parameters.AddWithValue("$version", migration.Version);
            record.Parameters.AddWithValue("$description", migration.Description);
            record.Parameters.AddWithValue("$appliedAt", _timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        if (LatestSchemaVersion > 0)
        {
            await SqliteSchema.EnsureResultTablesAsync(connection, transaction, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        _initialized = true;
    }

    /// <summary>
    /// An open connection from the pool, configured for this store. The caller disposes it (returning it to the pool).
    /// Throws <see cref="InvalidOperationException"/> before <see cref="InitializeAsync"/> has succeeded.
    /// </summary>
    public async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        if (!_initialized)
        {
            throw new InvalidOperationException($"The database is not initialized; call InitializeAsync at start first. File: {FilePath}.");
        }

        return await OpenConfiguredAsync(cancellationToken);
    }

    /// <summary>Closes the pooled connections to the file, so it can be moved or deleted.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private static async Task<int> CurrentVersionAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """SELECT COALESCE(MAX("Version"), 0) FROM "SchemaVersion";""";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private async Task<SqliteConnection> OpenConfiguredAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);

            // Both settings belong to the connection, not the file, and a pooled connection may be new.
            await SqliteSchema.ExecuteAsync(
                connection,
                null,
                $"PRAGMA synchronous=NORMAL; PRAGMA busy_timeout={((long)BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)};",
                cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
