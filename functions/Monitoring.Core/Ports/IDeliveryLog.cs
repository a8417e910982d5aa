using Monitoring.Core.Notifications;

namespace Monitoring.Core.Ports;

/// <summary>
/// Reads the delivery log (<c>MonitorDelivery_CL</c>) back, for the deliveries API and the status page.
/// Rows are written through <see cref="IResultsWriter"/>; this is only the read side.
/// </summary>
public interface IDeliveryLog
{
    /// <summary>The newest deliveries, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<DeliveryLogEntry>> ReadRecentAsync(int limit, CancellationToken cancellationToken);
}
