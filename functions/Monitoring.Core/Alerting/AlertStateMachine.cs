namespace Monitoring.Core.Alerting;

/// <summary>
/// The pure state machine: given what is stored and what happened, the state to store and the
/// transitions it makes. No clock, no store; <see cref="AlertEngine"/> adds those. Every method returns
/// null when nothing changes, so the engine writes nothing and a racing instance's retry is a no-op.
/// </summary>
internal static class AlertStateMachine
{
    /// <summary>A fresh alert that has never been observed.</summary>
    public static AlertStatus New(AlertDefinition definition) => new() { Definition = definition };

    /// <summary>Takes one observation; null when it is not newer than the last one taken.</summary>
    public static AlertStep? Observe(AlertStatus? current, AlertObservation observation, AlertMute mute)
    {
        var stored = current ?? New(observation.Definition);
        var at = observation.At;
        if (stored.LastObservedAt is { } last && at <= last)
        {
            return null;
        }

        // Apply the mute of this instant to the open incident first, as its own transition: a
        // silence added since the last write must already hold when this observation resolves it,
        // or the resolve would be announced from a state that is no longer true.
        var remuted = Remute(stored, mute, at);
        var before = remuted?.Next ?? stored;

        var policy = observation.Definition.Policy;
        var next = before with { Definition = observation.Definition, LastObservedAt = at, Summary = observation.Summary };
        next = observation.Breaching
            ? next with
            {
                ConsecutiveBreaching = next.ConsecutiveBreaching + 1,
                ConsecutiveHealthy = 0,
                BreachingSince = next.BreachingSince ?? at,
                LastBreachingAt = at,
            }
            : next with { ConsecutiveBreaching = 0, ConsecutiveHealthy = next.ConsecutiveHealthy + 1, BreachingSince = null };

        if (next.Phase == AlertState.Firing)
        {
            // Both the success threshold and the keep-firing period must pass: the threshold ignores
            // a lucky run, the period spans the gaps of a flapping condition.
            var healthyLongEnough = KeepFiringFor(policy, next.Flapping) is not { } keep || next.LastBreachingAt is not { } lastBreach || at - lastBreach >= keep;
            if (!observation.Breaching && next.ConsecutiveHealthy >= policy.SuccessThreshold && healthyLongEnough)
            {
                next = next with { Phase = AlertState.Resolved, ResolvedAt = at };
            }
        }
        else if (observation.Breaching)
        {
            var pendedLongEnough = policy.PendingFor is not { } pending || at - next.BreachingSince!.Value >= pending;
            next = next.ConsecutiveBreaching >= policy.FailureThreshold && pendedLongEnough
                ? next with
                {
                    Phase = AlertState.Firing,
                    Incident = next.Incident + 1,
                    Flapping = policy.FlappingKeepFiringFor is { } flapping && next.ResolvedAt is { } resolved && at - resolved <= flapping,
                    FiringSince = at,
                    NotificationsInIncident = 0,
                    FirstNotifiedAt = null,
                    LastNotifiedAt = null,
                    EscalationLevel = 0,
                    AcknowledgedBy = null,
                    AcknowledgedAt = null,
                    Inhibitor = null,
                }
                : next with { Phase = AlertState.Pending };
        }
        else if (next.Phase == AlertState.Pending)
        {
            next = next with { Phase = AlertState.Inactive };
        }

        next = WithMute(next, mute);

        // A change into Silenced says what mutes it, a flapping re-open says so; the observation explains every other change.
        var reason = next.State == AlertState.Silenced ? next.MutedBy
            : next.Flapping && next.Incident != before.Incident ? FlappingReason(policy, at - before.ResolvedAt!.Value)
            : null;
        var observed = Finish(before, next, at, reason, recordUnchanged: false);
        return remuted is null ? observed : observed with { Transitions = remuted.Transitions.AddRange(observed.Transitions) };
    }

    /// <summary>Applies a change of silences or inhibitors without an observation; null when the mute is unchanged.</summary>
    public static AlertStep? Remute(AlertStatus current, AlertMute mute, DateTimeOffset at)
    {
        var next = WithMute(current, mute);
        if (next.MutedBy == current.MutedBy && next.Inhibitor == current.Inhibitor)
        {
            return null;
        }

        return Finish(current, next, at, next.MutedBy ?? $"{current.MutedBy} ended", recordUnchanged: false);
    }

    /// <summary>Acknowledges the open incident; null when none is open or it is already acknowledged.</summary>
    public static AlertStep? Acknowledge(AlertStatus current, string by, DateTimeOffset at)
    {
        if (!current.IsOpen || current.AcknowledgedAt is not null)
        {
            return null;
        }

        var next = current with { AcknowledgedBy = by, AcknowledgedAt = at };

        // A silenced alert stays Silenced when acknowledged, but the audit still records who took it.
        return Finish(current, next, at, $"acknowledged by {by}", recordUnchanged: true);
    }

    /// <summary>Claims the escalation or repeat due at <paramref name="now"/>; null when none is due or the alert is not Firing.</summary>
    public static AlertStep? Escalate(AlertStatus current, EscalationPolicy policy, DateTimeOffset now)
    {
        if (current.State != AlertState.Firing || current.FirstNotifiedAt is not { } first)
        {
            return null;
        }

        var due = policy.Levels.IsDefault ? 0 : policy.Levels.Count(level => first + level <= now);
        AlertNotifyKind kind;
        string reason;
        if (due > current.EscalationLevel)
        {
            (kind, reason) = (AlertNotifyKind.Escalation, $"escalation level {due}");
        }
        else if (policy.RepeatInterval is { } repeat && current.LastNotifiedAt is { } lastNotified && lastNotified + repeat <= now)
        {
            (due, kind, reason) = (current.EscalationLevel, AlertNotifyKind.Repeat, "repeat");
        }
        else
        {
            return null;
        }

        var next = current with
        {
            EscalationLevel = due,
            NotificationsInIncident = current.NotificationsInIncident + 1,
            LastNotifiedAt = now,
        };
        var transition = new AlertTransition(
            next.Definition, current.State, next.State, now, next.Summary, kind, next.Incident, next.NotificationsInIncident, due, reason);
        return new AlertStep(next, [transition]);
    }

    /// <summary>How long a firing incident keeps firing after its last breach: longer while it flaps.</summary>
    private static TimeSpan? KeepFiringFor(AlertPolicy policy, bool flapping) => (policy.KeepFiringFor, flapping ? policy.FlappingKeepFiringFor : null) switch
    {
        ({ } keep, { } flappingKeep) => keep >= flappingKeep ? keep : flappingKeep,
        (var keep, null) => keep,
        (null, var flappingKeep) => flappingKeep,
    };

    private static string FlappingReason(AlertPolicy policy, TimeSpan sinceResolved) =>
        $"flapping: re-opened {Spec.Durations.Format(RoundToMinute(sinceResolved))} after resolving; keeps firing {Spec.Durations.Format(KeepFiringFor(policy, flapping: true)!.Value)} after the last breach";

    private static TimeSpan RoundToMinute(TimeSpan span) => TimeSpan.FromMinutes(Math.Max(1, Math.Round(span.TotalMinutes)));

    // Only an open incident is muted; remembering a mute on a closed alert would show stale reasons.
    // An inhibitor absorbs the incident for good: when a page resets before its ticket does, the
    // ticket stays quiet until it resolves, so one outage stays one notification thread.
    private static AlertStatus WithMute(AlertStatus status, AlertMute mute)
    {
        if (!status.IsOpen)
        {
            return status with { MutedBy = null, Inhibitor = null };
        }

        var inhibitor = mute.Inhibitor ?? status.Inhibitor;
        return status with { Inhibitor = inhibitor, MutedBy = mute.Reason ?? (inhibitor is null ? null : $"inhibited by '{inhibitor}'") };
    }

    // Counts the notification, if the change is notify-worthy, and builds the one transition.
    private static AlertStep Finish(AlertStatus before, AlertStatus next, DateTimeOffset at, string? reason, bool recordUnchanged)
    {
        var (from, to) = (before.State, next.State);
        if (from == to && !recordUnchanged)
        {
            return new AlertStep(next, []);
        }

        var notify = NotifyKind(from, to, next.NotificationsInIncident);
        if (notify != AlertNotifyKind.None)
        {
            next = next with
            {
                NotificationsInIncident = next.NotificationsInIncident + 1,
                FirstNotifiedAt = next.FirstNotifiedAt ?? at,
                LastNotifiedAt = at,
            };
        }

        var transition = new AlertTransition(
            next.Definition,
            from,
            to,
            at,
            next.Summary,
            notify,
            next.Incident,
            notify == AlertNotifyKind.None ? 0 : next.NotificationsInIncident,
            next.EscalationLevel,
            reason);
        return new AlertStep(next, [transition]);
    }

    private static AlertNotifyKind NotifyKind(AlertState from, AlertState to, int notificationsSoFar) => to switch
    {
        // The first notification of an incident is Firing even when a silence delayed it.
        AlertState.Firing when from != AlertState.Firing => notificationsSoFar == 0 ? AlertNotifyKind.Firing : AlertNotifyKind.StillFiring,

        // Resolve only what was announced, and never while muted: a silenced alert never notifies.
        AlertState.Resolved when from is AlertState.Firing or AlertState.Acknowledged && notificationsSoFar > 0 => AlertNotifyKind.Resolved,
        _ => AlertNotifyKind.None,
    };
}
