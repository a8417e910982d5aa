using System.Collections.Immutable;
using Monitoring.Core.Notifications;
using Monitoring.Core.Routing;
using Monitoring.Functions.Hosting;

namespace Monitoring.Functions.Alerting;

/// <summary>
/// Sends one test message through every route (its channels and its escalation channels), so each
/// notification path is proven before an incident needs it.
/// </summary>
public sealed class TestNotifier(SpecProvider spec, NotificationDispatcher dispatcher, Router router, TimeProvider time)
{
    /// <summary>Delivers the test messages; one record per route and channel.</summary>
    public async Task<IReadOnlyList<DeliveryRecord>> SendAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var records = new List<DeliveryRecord>();
        foreach (var route in spec.Spec.Notifications.Routes.Append(router.Fallback))
        {
            var channels = route.Channels.Concat(route.Escalation.SelectMany(l => l.Channels)).Distinct(StringComparer.Ordinal).ToList();
            var notification = new Notification(
                NotificationKind.Test,
                "test:" + route.Name,
                $"Test of route {route.Name}",
                Severities.Info,
                Service: null,
                Team: null,
                Summary: $"A test message through route '{route.Name}' to {string.Join(", ", channels)}. No action is needed.",
                LastError: null,
                Since: now,
                At: now,
                RunbookUrl: null,
                StatusPageUrl: spec.Spec.Notifications.StatusPageUrl,
                Labels: ImmutableSortedDictionary<string, string>.Empty);
            records.AddRange(await dispatcher.DeliverAsync(route.Name, channels, new NotificationMessage("test:" + route.Name, [notification]), cancellationToken));
        }

        return records;
    }
}
