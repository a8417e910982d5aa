namespace Monitoring.Local.Sqlite;

/// <summary>Where the embedded store keeps its database file and how long it keeps results.</summary>
/// <param name="DatabasePath">The database file; its directory is created when missing.</param>
/// <param name="Retention">How long result rows are kept; <see cref="SqliteRetention"/> deletes older ones.</param>
public sealed record SqliteStoreOptions(string DatabasePath, TimeSpan Retention)
{
    /// <summary>The retention used when none is given: 30 days.</summary>
    public static TimeSpan DefaultRetention { get; } = TimeSpan.FromDays(30);

    /// <summary>Options for <paramref name="databasePath"/> with the default 30-day retention.</summary>
    public SqliteStoreOptions(string databasePath)
        : this(databasePath, DefaultRetention)
    {
    }
}
