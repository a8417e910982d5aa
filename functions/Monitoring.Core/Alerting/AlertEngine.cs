using System.Collections.Immutable;
using Monitoring.Core.Ports;
using Monitoring.Core.State;

namespace Monitoring.Core.Alerting;

/// <summary>
/// The one alert engine: every alert source's observations go through the same state machine, and
/// every change is claimed in the state store with an ETag, so any number of instances evaluating
/// the same observation make each transition exactly once. The app calls, each minute,
/// <see cref="EvaluateAsync"/> with that minute's observations and then <see cref="EscalateAsync"/>;
/// people call <see cref="AcknowledgeAsync"/>, <see cref="AddSilenceAsync"/> and <see cref="ExpireSilenceAsync"/>.
/// </summary>
public sealed class AlertEngine
{
    /// <summary>The state store partition of alert state, keyed by alert key.</summary>
    public const string AlertsPartition = "alerts";

    /// <summary>The state store partition of manual silences, keyed by silence id.</summary>
    public const string SilencesPartition = "silences";

    // Each attempt loses only to a writer that changed the same key meanwhile; with a handful of
    // instances this many losses in a row means something is wrong, not busy.
    private const int MaxAttempts = 20;

    private readonly IStateStore _store;
    private readonly Func<DateTimeOffset, IEnumerable<Silence>> _scheduledSilences;

    /// <summary>Creates an engine on <paramref name="store"/>.</summary>
    /// <param name="store">Where alert state and silences live; shared by every instance.</param>
    /// <param name="scheduledSilences">
    /// The silences the spec declares (maintenance windows) that are active at an instant; none by default.
    /// They mute exactly like stored silences, and their end unmutes exactly the same way.
    /// </param>
    public AlertEngine(IStateStore store, Func<DateTimeOffset, IEnumerable<Silence>>? scheduledSilences = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _scheduledSilences = scheduledSilences ?? (_ => []);
    }

    /// <summary>
    /// The per-minute call: takes each observation (inhibiting alerts before the alerts they inhibit),
    /// then re-checks every stored alert against the silences and inhibitors at <paramref name="now"/>, so
    /// a silence or maintenance window that ended makes a still-firing alert notify at once.
    /// </summary>
    /// <returns>Every transition made, in order; routing delivers those whose Notify is not None.</returns>
    public async Task<IReadOnlyList<AlertTransition>> EvaluateAsync(IReadOnlyList<AlertObservation> observations, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var silences = await ListSilencesAsync(cancellationToken);
        var transitions = new List<AlertTransition>();
        foreach (var observation in InhibitorsFirst(observations))
        {
            transitions.AddRange(await ObserveAsync(observation, silences, cancellationToken));
        }

        transitions.AddRange(await ReconcileAsync(silences, now, cancellationToken));
        return transitions;
    }

    /// <summary>Takes one observation (an alert source that reports on its own schedule); see <see cref="EvaluateAsync"/>.</summary>
    public async Task<IReadOnlyList<AlertTransition>> ObserveAsync(AlertObservation observation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(observation);
        return await ObserveAsync(observation, await ListSilencesAsync(cancellationToken), cancellationToken);
    }

    /// <summary>Re-checks every stored alert against the silences and inhibitors at <paramref name="now"/>.</summary>
    public async Task<IReadOnlyList<AlertTransition>> ReconcileAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        await ReconcileAsync(await ListSilencesAsync(cancellationToken), now, cancellationToken);

    /// <summary>
    /// Claims the escalations and repeats due at <paramref name="now"/> for incidents that are Firing
    /// (not acknowledged, not muted). Each is claimed once however many instances ask.
    /// </summary>
    /// <param name="now">The instant.</param>
    /// <param name="policyFor">The escalation policy of an alert (routing decides), or null for none.</param>
    /// <param name="cancellationToken">Cancels the store calls.</param>
    public async Task<IReadOnlyList<AlertTransition>> EscalateAsync(DateTimeOffset now, Func<AlertStatus, EscalationPolicy?> policyFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policyFor);
        var silences = await ListSilencesAsync(cancellationToken);
        var transitions = new List<AlertTransition>();
        foreach (var status in await ListAsync(cancellationToken))
        {
            transitions.AddRange(await UpdateAsync(status.Definition.Key, async current =>
            {
                if (current is null)
                {
                    return null;
                }

                // A silence added since the last evaluation mutes the alert here too: the mute is
                // always decided at the instant of the change, never taken from the last write.
                var remuted = AlertStateMachine.Remute(current, await MutedByAsync(current.Definition, silences, now, cancellationToken), now);
                var muted = remuted?.Next ?? current;
                var escalated = policyFor(muted) is { } policy ? AlertStateMachine.Escalate(muted, policy, now) : null;
                return Combine(remuted, escalated);
            }, cancellationToken));
        }

        return transitions;
    }

    /// <summary>
    /// Acknowledges the open incident of <paramref name="key"/>: it stops escalations and repeats until it
    /// resolves. Null when there is no open incident or it is already acknowledged (by this call's twin too).
    /// </summary>
    public async Task<AlertTransition?> AcknowledgeAsync(string key, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var transitions = await UpdateAsync(key, current => Task.FromResult(current is null ? null : AlertStateMachine.Acknowledge(current, by, at)), cancellationToken);
        return transitions.SingleOrDefault();
    }

    /// <summary>The stored state of <paramref name="key"/>, or null when it was never observed.</summary>
    public async Task<AlertStatus?> GetAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var entry = await _store.GetAsync(AlertsPartition, key, cancellationToken);
        return entry is null ? null : AlertJson.Read<AlertStatus>(entry.Value, "alert " + key);
    }

    /// <summary>Every stored alert, ordered by key.</summary>
    public async Task<IReadOnlyList<AlertStatus>> ListAsync(CancellationToken cancellationToken)
    {
        var entries = await _store.ListAsync(AlertsPartition, cancellationToken);
        return [.. entries.Select(e => AlertJson.Read<AlertStatus>(e.Value, "alert " + e.Key))];
    }

    /// <summary>Stores a manual silence; false when one with the same id exists. It mutes from the next change of any matching alert on.</summary>
    public async Task<bool> AddSilenceAsync(Silence silence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silence);
        var written = await _store.TryWriteAsync(SilencesPartition, silence.Id, AlertJson.Write(silence), StateWriteCondition.IfAbsent, cancellationToken);
        return written is not null;
    }

    /// <summary>
    /// Ends a stored silence at <paramref name="at"/> (no later than it would have ended) and re-checks every
    /// alert, so one still firing notifies at once. Empty when the silence does not exist.
    /// </summary>
    public async Task<IReadOnlyList<AlertTransition>> ExpireSilenceAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        for (var attempt = 0; ; attempt++)
        {
            var entry = await _store.GetAsync(SilencesPartition, id, cancellationToken);
            if (entry is null)
            {
                return [];
            }

            var silence = AlertJson.Read<Silence>(entry.Value, "silence " + id);
            var ended = silence with { EndsAt = Max(silence.StartsAt, Min(silence.EndsAt, at)) };
            if (ended.EndsAt == silence.EndsAt
                || await _store.TryWriteAsync(SilencesPartition, id, AlertJson.Write(ended), StateWriteCondition.IfMatch(entry.ETag), cancellationToken) is not null)
            {
                return await ReconcileAsync(at, cancellationToken);
            }

            ThrowIfGivingUp(attempt, "silence " + id);
        }
    }

    /// <summary>Every stored silence, active, future or ended, ordered by id.</summary>
    public async Task<IReadOnlyList<Silence>> ListSilencesAsync(CancellationToken cancellationToken)
    {
        var entries = await _store.ListAsync(SilencesPartition, cancellationToken);
        return [.. entries.Select(e => AlertJson.Read<Silence>(e.Value, "silence " + e.Key))];
    }

    private async Task<IReadOnlyList<AlertTransition>> ObserveAsync(AlertObservation observation, IReadOnlyList<Silence> silences, CancellationToken cancellationToken) =>
        await UpdateAsync(observation.Definition.Key, async current =>
        {
            // Stale or duplicate observations short-circuit before any inhibitor is read.
            if (current?.LastObservedAt is { } last && observation.At <= last)
            {
                return null;
            }

            var mutedBy = await MutedByAsync(observation.Definition, silences, observation.At, cancellationToken);
            return AlertStateMachine.Observe(current, observation, mutedBy);
        }, cancellationToken);

    private async Task<IReadOnlyList<AlertTransition>> ReconcileAsync(IReadOnlyList<Silence> silences, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var transitions = new List<AlertTransition>();
        foreach (var status in await ListAsync(cancellationToken))
        {
            if (!status.IsOpen)
            {
                continue;
            }

            transitions.AddRange(await UpdateAsync(status.Definition.Key, async current =>
                current is null ? null : AlertStateMachine.Remute(current, await MutedByAsync(current.Definition, silences, now, cancellationToken), now),
                cancellationToken));
        }

        return transitions;
    }

    // Read, decide, write only if nobody wrote since the read; on a lost race decide again on what
    // the winner wrote. The loser of a race over the same observation therefore sees it taken and
    // makes no transition: that is what keeps two instances from notifying twice.
    private async Task<IReadOnlyList<AlertTransition>> UpdateAsync(string key, Func<AlertStatus?, Task<AlertStep?>> decide, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var entry = await _store.GetAsync(AlertsPartition, key, cancellationToken);
            var current = entry is null ? null : AlertJson.Read<AlertStatus>(entry.Value, "alert " + key);
            var step = await decide(current);
            if (step is null)
            {
                return [];
            }

            var condition = entry is null ? StateWriteCondition.IfAbsent : StateWriteCondition.IfMatch(entry.ETag);
            if (await _store.TryWriteAsync(AlertsPartition, key, AlertJson.Write(step.Next), condition, cancellationToken) is not null)
            {
                return step.Transitions;
            }

            ThrowIfGivingUp(attempt, "alert " + key);
        }
    }

    private async Task<AlertMute> MutedByAsync(AlertDefinition definition, IReadOnlyList<Silence> stored, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var silence = stored.Concat(_scheduledSilences(at))
            .Where(s => s.IsActiveAt(at) && s.Matches(definition))
            .OrderBy(s => s.Id, StringComparer.Ordinal)
            .FirstOrDefault();

        // An inhibitor mutes while its incident is open, even when it is itself acknowledged or
        // silenced: the page thread still stands for the outage (Alertmanager does the same).
        string? openInhibitor = null;
        foreach (var inhibitor in definition.Policy.InhibitedBy)
        {
            if (inhibitor != definition.Key && (await GetAsync(inhibitor, cancellationToken))?.IsOpen == true)
            {
                openInhibitor = inhibitor;
                break;
            }
        }

        var reason = silence is not null ? $"silence '{silence.Id}'"
            : openInhibitor is not null ? $"inhibited by '{openInhibitor}'"
            : null;
        return new AlertMute(reason, openInhibitor);
    }

    // Inhibitors are decided first so that a page and its ticket firing in the same minute never
    // let the ticket notify; depth counts inhibition links within the batch (cycles are cut).
    private static IEnumerable<AlertObservation> InhibitorsFirst(IReadOnlyList<AlertObservation> observations)
    {
        var byKey = observations.GroupBy(o => o.Definition.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Definition, StringComparer.Ordinal);
        var depths = new Dictionary<string, int>(StringComparer.Ordinal);

        int Depth(string key, ImmutableHashSet<string> visiting)
        {
            if (depths.TryGetValue(key, out var known))
            {
                return known;
            }

            var depth = byKey[key].Policy.InhibitedBy
                .Where(k => byKey.ContainsKey(k) && !visiting.Contains(k))
                .Select(k => Depth(k, visiting.Add(k)) + 1)
                .DefaultIfEmpty(0)
                .Max();
            depths[key] = depth;
            return depth;
        }

        return observations.OrderBy(o => Depth(o.Definition.Key, [o.Definition.Key]));
    }

    private static AlertStep? Combine(AlertStep? first, AlertStep? second) => (first, second) switch
    {
        (null, _) => second,
        (_, null) => first,
        _ => new AlertStep(second.Next, first.Transitions.AddRange(second.Transitions)),
    };

    private static void ThrowIfGivingUp(int attempt, string what)
    {
        if (attempt + 1 >= MaxAttempts)
        {
            throw new InvalidOperationException($"The state kept changing under concurrent writers; gave up after {MaxAttempts} attempts. State: {what}.");
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}
