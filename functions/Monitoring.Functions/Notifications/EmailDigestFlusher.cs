using Monitoring.Core.Notifications;
using Monitoring.Core.Ports;
using Monitoring.Core.Results;

namespace Monitoring.Functions.Notifications;

/// <summary>
/// Sends the digests due on every email channel; the 10-second tick calls it, so held emails go as soon as the
/// budget allows. Each send is recorded in the delivery log under the route <see cref="DigestRoute"/>, so a message
/// logged as held is followed by the row that says when it went.
/// </summary>
public sealed partial class EmailDigestFlusher(
    IReadOnlyDictionary<string, INotificationChannel> channels,
    IResultsWriter results,
    TimeProvider time,
    ILogger<EmailDigestFlusher> logger)
{
    /// <summary>The route name of a digest's delivery log row: the held messages came from several routes.</summary>
    public const string DigestRoute = "digest";

    /// <summary>Flushes each email channel once.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var log = new List<DeliveryLogEntry>();
        foreach (var channel in channels.Values.OfType<EmailChannel>())
        {
            var startedAt = time.GetUtcNow();
            if (await channel.FlushAsync(cancellationToken) is { } sent)
            {
                log.Add(DeliveryLogEntry.For(startedAt, DigestRoute, channel.Name, channel.Kind, sent.Digest.ToMessage(channel.Name), sent.Result));
            }
        }

        if (log.Count == 0)
        {
            return;
        }

        try
        {
            await results.AppendAsync([.. log.Select(DeliveryRows.ToRow)], cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The digests have gone out; losing their log lines must not fail the tick that sent them.
            DeliveryLogFailed(logger, log.Count, exception);
        }
    }

    [LoggerMessage(EventId = 532, Level = LogLevel.Warning, Message = "Could not record {Deliveries} digest delivery(ies) in the delivery log; the digests themselves went ahead")]
    private static partial void DeliveryLogFailed(ILogger logger, int deliveries, Exception exception);
}
