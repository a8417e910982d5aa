using Monitoring.Core.Spec;

namespace Monitoring.Core.Notifications.Digests;

/// <summary>
/// Decides when an email channel sends and what: pure functions over <see cref="EmailDigestState"/>.
/// Every message is held first; a digest of everything held goes out once the first held message has
/// waited the group wait, the last digest is a group interval old, and fewer than the hourly budget
/// were sent in the last hour. So a channel never exceeds its budget in any sliding hour, and a storm
/// becomes one digest rather than one email per alert.
/// </summary>
public sealed class EmailDigestPolicy
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>Creates the policy.</summary>
    /// <param name="rate">The channel's budget, group wait and group interval.</param>
    /// <param name="sendingLease">How long a claimed digest may stay unconfirmed before another instance takes it back (its sender crashed).</param>
    public EmailDigestPolicy(EmailRate rate, TimeSpan sendingLease)
    {
        ArgumentNullException.ThrowIfNull(rate);
        ArgumentOutOfRangeException.ThrowIfLessThan(rate.MaxPerHour, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(sendingLease, TimeSpan.Zero);
        Rate = rate;
        SendingLease = sendingLease;
    }

    /// <summary>The channel's rate.</summary>
    public EmailRate Rate { get; }

    /// <summary>How long a claim lasts unconfirmed.</summary>
    public TimeSpan SendingLease { get; }

    /// <summary>The state with <paramref name="held"/> added after everything already held.</summary>
    public static EmailDigestState Hold(EmailDigestState state, HeldMessage held)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(held);
        return state with { Held = state.Held.Add(held) };
    }

    /// <summary>
    /// The earliest instant a digest may be claimed, or null when nothing is held. A digest still being
    /// sent blocks the next until its lease ends. It may be earlier than <paramref name="now"/>: it is due.
    /// </summary>
    public DateTimeOffset? DueAt(EmailDigestState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var held = Reclaim(state, now).Held;
        if (held.IsEmpty)
        {
            return null;
        }

        // A test message proves a route: it goes as soon as the budget allows, without waiting for company.
        var first = held[0];
        var due = first.HeldAt + (first.Message.Alerts.All(a => a.Kind == NotificationKind.Test) ? TimeSpan.Zero : Rate.GroupWait);
        if (!state.Sent.IsEmpty)
        {
            due = Max(due, state.Sent[^1] + Rate.GroupInterval);
        }

        // The budget: sending at t needs fewer than MaxPerHour sends in (t - 1h, t].
        if (state.Sent.Length >= Rate.MaxPerHour)
        {
            due = Max(due, state.Sent[state.Sent.Length - Rate.MaxPerHour] + Hour);
        }

        if (state.Sending is { } sending && sending.ClaimedAt + SendingLease > now)
        {
            due = Max(due, sending.ClaimedAt + SendingLease);
        }

        return due;
    }

    /// <summary>
    /// Claims a digest of everything held when one is due at <paramref name="now"/>: the state to write
    /// (nothing held, the digest sending, the send in the ledger) and the digest; null when none is due.
    /// A digest whose sender let its lease lapse is put back first, so its messages go again, in order.
    /// </summary>
    public (EmailDigestState State, EmailDigest Digest)? TryClaim(EmailDigestState state, DateTimeOffset now, string digestId)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentException.ThrowIfNullOrEmpty(digestId);
        if (DueAt(state, now) is not { } due || due > now)
        {
            return null;
        }

        var current = Reclaim(state, now);
        var digest = new EmailDigest(digestId, now, current.Held);
        // Ordered, as instances' clocks may differ slightly.
        var sent = current.Sent.RemoveAll(s => s <= now - Hour).Add(now).Sort();
        return (new EmailDigestState([], sent, digest), digest);
    }

    /// <summary>The state once digest <paramref name="digestId"/> is confirmed sent; unchanged when it is no longer the one sending.</summary>
    public static EmailDigestState Complete(EmailDigestState state, string digestId)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Sending?.Id == digestId ? state with { Sending = null } : state;
    }

    /// <summary>
    /// The state once digest <paramref name="digestId"/> failed to send: its messages go back before
    /// everything held since, to go in the next digest. The send stays in the ledger: the provider may
    /// have counted it, and a failing provider is not retried faster than the budget.
    /// </summary>
    public static EmailDigestState Return(EmailDigestState state, string digestId)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Sending is { } sending && sending.Id == digestId
            ? state with { Held = sending.Messages.AddRange(state.Held), Sending = null }
            : state;
    }

    private EmailDigestState Reclaim(EmailDigestState state, DateTimeOffset now) =>
        state.Sending is { } sending && sending.ClaimedAt + SendingLease <= now ? Return(state, sending.Id) : state;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}
