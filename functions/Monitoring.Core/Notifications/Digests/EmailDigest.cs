using System.Collections.Immutable;

namespace Monitoring.Core.Notifications.Digests;

/// <summary>One email's worth of held messages, claimed by one instance to send.</summary>
/// <param name="Id">Unique per claim; completing or returning names it.</param>
/// <param name="ClaimedAt">When it was claimed (UTC); after the lease, another instance may take it back.</param>
/// <param name="Messages">The held messages, oldest first.</param>
public sealed record EmailDigest(string Id, DateTimeOffset ClaimedAt, ImmutableArray<HeldMessage> Messages)
{
    /// <summary>True when the digest carries the hold <paramref name="heldId"/>.</summary>
    public bool Carries(string heldId) => Messages.Any(m => m.Id == heldId);

    /// <summary>
    /// The digest as one message: every notification of every held message, oldest message first
    /// (each message keeps its own order), so a resolve never reads before its firing.
    /// </summary>
    /// <param name="channel">The channel's name, for the group key when the messages come from several groups.</param>
    public NotificationMessage ToMessage(string channel)
    {
        var groups = Messages.Select(m => m.Message.GroupKey).Distinct(StringComparer.Ordinal).ToList();
        var key = groups.Count == 1 ? groups[0] : "digest:" + channel;
        return new NotificationMessage(key, [.. Messages.SelectMany(m => m.Message.Alerts)]);
    }
}
