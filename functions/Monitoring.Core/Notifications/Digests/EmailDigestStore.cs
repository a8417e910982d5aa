using Monitoring.Core.Ports;
using Monitoring.Core.State;

namespace Monitoring.Core.Notifications.Digests;

/// <summary>
/// One email channel's held messages and send ledger in the state store, changed only by ETag claims:
/// a restart loses nothing, every instance spends the same budget, and two instances never both claim
/// the same digest. Sending is the caller's: claim, send, then complete or return.
/// </summary>
public sealed class EmailDigestStore
{
    /// <summary>The state store partition of email channel state, keyed by channel name.</summary>
    public const string Partition = "email-digests";

    // Each attempt loses only to a writer that changed the same channel meanwhile.
    private const int MaxAttempts = 20;

    private readonly IStateStore _store;

    /// <summary>Creates the store of channel <paramref name="channel"/>.</summary>
    public EmailDigestStore(IStateStore store, string channel, EmailDigestPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentNullException.ThrowIfNull(policy);
        _store = store;
        Channel = channel;
        Policy = policy;
    }

    /// <summary>The channel's name, also its key in the store.</summary>
    public string Channel { get; }

    /// <summary>The policy deciding when digests go.</summary>
    public EmailDigestPolicy Policy { get; }

    /// <summary>The channel's state as stored now.</summary>
    public async Task<EmailDigestState> GetAsync(CancellationToken cancellationToken) =>
        await _store.GetAsync(Partition, Channel, cancellationToken) is { } entry ? EmailDigestJson.Read(entry.Value) : EmailDigestState.Empty;

    /// <summary>Holds <paramref name="message"/> for the next digest; returns the hold.</summary>
    public async Task<HeldMessage> HoldAsync(NotificationMessage message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var held = new HeldMessage(Guid.NewGuid().ToString("N"), now, message);
        await UpdateAsync(state => EmailDigestPolicy.Hold(state, held), cancellationToken);
        return held;
    }

    /// <summary>Claims the digest due at <paramref name="now"/>, or returns null when none is due (or another instance has it).</summary>
    public async Task<EmailDigest?> ClaimDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        EmailDigest? claimed = null;
        var id = Guid.NewGuid().ToString("N");
        await UpdateAsync(state =>
        {
            claimed = null;
            if (Policy.TryClaim(state, now, id) is not { } claim)
            {
                return null;
            }

            claimed = claim.Digest;
            return claim.State;
        }, cancellationToken);
        return claimed;
    }

    /// <summary>Confirms <paramref name="digest"/> was sent.</summary>
    public Task CompleteAsync(EmailDigest digest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return UpdateAsync(state => EmailDigestPolicy.Complete(state, digest.Id), cancellationToken);
    }

    /// <summary>Puts the messages of a digest that failed to send back in front, for the next digest.</summary>
    public Task ReturnAsync(EmailDigest digest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return UpdateAsync(state => EmailDigestPolicy.Return(state, digest.Id), cancellationToken);
    }

    /// <summary>Reads, decides and writes with the ETag read; on a lost race, reads and decides again. A null decision writes nothing.</summary>
    private async Task UpdateAsync(Func<EmailDigestState, EmailDigestState?> decide, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var entry = await _store.GetAsync(Partition, Channel, cancellationToken);
            var state = entry is null ? EmailDigestState.Empty : EmailDigestJson.Read(entry.Value);
            if (decide(state) is not { } next || next == state)
            {
                return;
            }

            var condition = entry is null ? StateWriteCondition.IfAbsent : StateWriteCondition.IfMatch(entry.ETag);
            if (await _store.TryWriteAsync(Partition, Channel, EmailDigestJson.Write(next), condition, cancellationToken) is not null)
            {
                return;
            }
        }

        throw new InvalidOperationException($"The email channel state could not be written after {MaxAttempts} attempts; another writer keeps changing channel '{Channel}'.");
    }
}
