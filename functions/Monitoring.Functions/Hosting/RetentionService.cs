using Monitoring.Local.Sqlite;

namespace Monitoring.Functions.Hosting;

/// <summary>Purges embedded-store results older than the retention period, hourly.</summary>
public sealed partial class RetentionService(SqliteRetention retention, TimeProvider time, ILogger<RetentionService> logger) : BackgroundService
{
    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                var purged = await retention.PurgeAsync(time.GetUtcNow(), stoppingToken);
                if (purged > 0)
                {
                    Purged(logger, purged);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                PurgeFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Retention purged {Rows} rows")]
    private static partial void Purged(ILogger logger, int rows);

    [LoggerMessage(EventId = 302, Level = LogLevel.Error, Message = "Retention purge failed")]
    private static partial void PurgeFailed(ILogger logger, Exception exception);
}
