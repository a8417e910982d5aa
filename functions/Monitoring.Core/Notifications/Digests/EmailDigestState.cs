using System.Collections.Immutable;

namespace Monitoring.Core.Notifications.Digests;

/// <summary>What one email channel remembers, shared by every instance through the state store.</summary>
/// <param name="Held">Messages waiting for a digest, oldest first.</param>
/// <param name="Sent">When digests were claimed for sending in the last hour, oldest first: the budget's ledger.</param>
/// <param name="Sending">The digest an instance is sending now, if any; one at a time, so order is kept.</param>
public sealed record EmailDigestState(ImmutableArray<HeldMessage> Held, ImmutableArray<DateTimeOffset> Sent, EmailDigest? Sending)
{
    /// <summary>Nothing held, nothing sent.</summary>
    public static EmailDigestState Empty { get; } = new([], [], null);
}
