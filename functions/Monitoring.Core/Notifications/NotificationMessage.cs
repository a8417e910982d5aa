using System.Collections.Immutable;

namespace Monitoring.Core.Notifications;

/// <summary>
/// What one delivery carries: the notifications of one alert group, so a storm of related
/// alerts becomes one message rather than one per alert.
/// </summary>
/// <param name="GroupKey">Identifies the group (e.g. route + service); deliveries of one group thread together.</param>
/// <param name="Alerts">The notifications, most severe first.</param>
public sealed record NotificationMessage(string GroupKey, ImmutableArray<Notification> Alerts)
{
    /// <summary>The most severe severity in the message.</summary>
    public string TopSeverity => Alerts.Select(a => a.Severity).OrderBy(Severities.Rank).FirstOrDefault() ?? Severities.Info;

    /// <summary>True when every alert in the message is resolved.</summary>
    public bool AllResolved => !Alerts.IsEmpty && Alerts.All(a => a.Kind == NotificationKind.Resolved);
}
