using System.Collections.Immutable;
using Monitoring.Core.Alerting;

namespace Monitoring.Core.Notifications;

/// <summary>Turns the engine's notify transitions into what people are told.</summary>
public static class AlertNotifications
{
    /// <summary>How an alert looks to routing (severity, service, team, labels), whatever it is about to say.</summary>
    public static Notification ForRouting(AlertDefinition definition, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new Notification(NotificationKind.Firing, definition.Key, definition.Name, definition.Severity.ToWireName(), definition.Service, definition.Team,
            string.Empty, null, at, at, null, null, ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, definition.Labels));
    }

    /// <summary>The notification for <paramref name="transition"/>, or null when it notifies nobody.</summary>
    /// <param name="transition">An engine transition.</param>
    /// <param name="firingSince">When the incident started firing, from the alert's status.</param>
    /// <param name="statusPageUrl">Where people see the whole picture, if configured.</param>
    public static Notification? From(AlertTransition transition, DateTimeOffset? firingSince, Uri? statusPageUrl)
    {
        ArgumentNullException.ThrowIfNull(transition);
        var kind = transition.Notify switch
        {
            AlertNotifyKind.None => (NotificationKind?)null,
            AlertNotifyKind.Firing => NotificationKind.Firing,
            AlertNotifyKind.Resolved => NotificationKind.Resolved,
            _ => NotificationKind.Reminder,
        };
        if (kind is null)
        {
            return null;
        }

        var definition = transition.Definition;
        return new Notification(
            kind.Value,
            definition.Key,
            definition.Name,
            definition.Severity.ToWireName(),
            definition.Service,
            definition.Team,
            transition.Summary,
            LastError: null,
            Since: firingSince ?? transition.At,
            At: transition.At,
            RunbookUrl: Uri.TryCreate(definition.RunbookUrl, UriKind.Absolute, out var runbook) ? runbook : null,
            StatusPageUrl: statusPageUrl,
            Labels: ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, definition.Labels));
    }
}
