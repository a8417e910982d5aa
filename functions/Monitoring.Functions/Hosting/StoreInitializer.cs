using Monitoring.Local.Sqlite;

namespace Monitoring.Functions.Hosting;

/// <summary>Creates or migrates the embedded database before anything else starts.</summary>
public sealed partial class StoreInitializer(SqliteDatabase database, SqliteStoreOptions options, ILogger<StoreInitializer> logger) : IHostedService
{
    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.InitializeAsync(cancellationToken);
        Ready(logger, options.DatabasePath);
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Embedded store ready at {DatabasePath}")]
    private static partial void Ready(ILogger logger, string databasePath);
}
