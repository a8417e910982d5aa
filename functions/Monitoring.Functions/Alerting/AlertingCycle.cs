using Monitoring.Core.Alerting;
using Monitoring.Core.Checks;
using Monitoring.Core.Notifications;
using Monitoring.Core.Ports;
using Monitoring.Core.Routing;
using Monitoring.Functions.Execution;
using Monitoring.Functions.Hosting;

namespace Monitoring.Functions.Alerting;

/// <summary>
/// Feeds check runs to the alert engine as they finish, records every transition in
/// <c>MonitorAlert_CL</c>, and hands the ones that notify to the dispatcher. Runs are observed
/// one by one rather than per cycle, so a journey that goes down notifies without waiting for
/// slower journeys of the same tick.
/// </summary>
public sealed partial class AlertingCycle(
    AlertEngine engine,
    SpecProvider spec,
    IResultsWriter results,
    NotificationDispatcher dispatcher,
    Router router,
    CheckSchedule schedule,
    RunbookLinks runbooks,
    TimeProvider time,
    ILogger<AlertingCycle> logger) : IRunObserver
{
    /// <inheritdoc/>
    public async Task OnRunAsync(CheckRunResult run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var now = time.GetUtcNow();
        await ObserveAsync(run, now, cancellationToken);

        // Confirm a change quickly rather than at the next interval: a failure its alert has not
        // fired for yet, or a recovery of a firing alert, is re-run on the next tick.
        var status = await engine.GetAsync(CheckAlerts.FailingKey(run.CheckName), cancellationToken);
        if (CheckAlerts.NeedsConfirmation(status, runFailed: !run.Success))
        {
            schedule.ConfirmSoon(run.CheckName, now);
        }
    }

    private async Task ObserveAsync(CheckRunResult run, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (spec.Spec.FindCheck(run.CheckName) is not { } check)
        {
            return;
        }

        var service = check.Service is not null && spec.Spec.Services.TryGetValue(check.Service, out var owner) ? owner : null;
        await ObserveAsync(CheckAlerts.Observe(check, service, run), now, cancellationToken);
    }

    /// <summary>
    /// Observes what a source saw (check runs, SLO burn rates, data checks, the spool), records the transitions and
    /// delivers their notifications. Every alert is linked to a runbook here: its service's, or the runbook of its type.
    /// </summary>
    public async Task ObserveAsync(IReadOnlyList<AlertObservation> observations, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(observations);
        await RecordAsync(await engine.EvaluateAsync([.. observations.Select(runbooks.Link)], now, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Re-checks every alert against silences and maintenance windows at <paramref name="now"/>, so a
    /// window that closed while its alert still fires is announced on this tick, run or no run.
    /// </summary>
    public async Task ReconcileAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        await RecordAsync(await engine.ReconcileAsync(now, cancellationToken), cancellationToken);

    /// <summary>
    /// Claims the escalations and repeats due at <paramref name="now"/>: levels and repeat interval come
    /// from the alert's first route, and an escalation goes to its level's channels.
    /// </summary>
    public async Task EscalateAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        await RecordAsync(await engine.EscalateAsync(now, status => PolicyFor(status.Definition, now), cancellationToken), cancellationToken);

    /// <summary>Records transitions made outside a run (an acknowledgement, a silence ending) and delivers their notifications.</summary>
    public async Task RecordAsync(IReadOnlyList<AlertTransition> transitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transitions);
        if (transitions.Count == 0)
        {
            return;
        }

        foreach (var transition in transitions)
        {
            Transitioned(logger, transition.Key, transition.From, transition.To, transition.Notify, transition.Incident);
        }

        await results.AppendAsync([.. transitions.Select(AlertRows.ToRow)], cancellationToken);

        var notifications = new List<Notification>();
        foreach (var transition in transitions.Where(t => t.Notify != AlertNotifyKind.None))
        {
            var status = await engine.GetAsync(transition.Key, cancellationToken);
            if (AlertNotifications.From(transition, status?.FiringSince, spec.Spec.Notifications.StatusPageUrl) is not { } notification)
            {
                continue;
            }

            if (transition.Notify == AlertNotifyKind.Escalation && EscalationOf(notification, transition.EscalationLevel) is { } escalation)
            {
                await dispatcher.DeliverAsync(escalation.Route.Name, escalation.Level.Channels, new NotificationMessage(Router.GroupKey(escalation.Route, notification), [notification]), cancellationToken);
            }
            else
            {
                notifications.Add(notification);
            }
        }

        if (notifications.Count > 0)
        {
            await dispatcher.DispatchAsync(notifications, cancellationToken);
        }
    }

    private EscalationPolicy? PolicyFor(AlertDefinition definition, DateTimeOffset now)
    {
        var route = router.RoutesFor(AlertNotifications.ForRouting(definition, now))[0];
        return route.Escalation.IsEmpty && route.RepeatInterval <= TimeSpan.Zero
            ? null
            : new EscalationPolicy([.. route.Escalation.Select(l => l.After)], route.RepeatInterval > TimeSpan.Zero ? route.RepeatInterval : null);
    }

    private (RouteSpec Route, EscalationLevel Level)? EscalationOf(Notification notification, int level)
    {
        var route = router.RoutesFor(notification)[0];
        return level >= 1 && level <= route.Escalation.Length ? (route, route.Escalation[level - 1]) : null;
    }

    [LoggerMessage(EventId = 510, Level = LogLevel.Information, Message = "Alert {AlertKey} {From} -> {To} (notify {Notify}, incident {Incident})")]
    private static partial void Transitioned(ILogger logger, string alertKey, AlertState from, AlertState to, AlertNotifyKind notify, int incident);
}
