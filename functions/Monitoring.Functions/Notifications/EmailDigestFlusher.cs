using Monitoring.Core.Ports;

namespace Monitoring.Functions.Notifications;

/// <summary>Sends the digests due on every email channel; the 10-second tick calls it, so held emails go as soon as the budget allows.</summary>
public sealed class EmailDigestFlusher(IReadOnlyDictionary<string, INotificationChannel> channels)
{
    /// <summary>Flushes each email channel once.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var channel in channels.Values.OfType<EmailChannel>())
        {
            await channel.FlushAsync(cancellationToken);
        }
    }
}
