using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Monitoring.Functions.Demo.Shop;

/// <summary>In-memory sessions with an expiry, so tokens from long-finished check runs stop working and are dropped.</summary>
internal sealed class DemoSessionStore(TimeProvider timeProvider)
{
    /// <summary>How long a token is accepted after login.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, DemoSession> sessions = new(StringComparer.Ordinal);

    /// <summary>Starts a session with a fresh random token, dropping expired sessions first so memory stays bounded.</summary>
    public DemoSession Start(string username)
    {
        var now = timeProvider.GetUtcNow();
        foreach (var (token, existing) in sessions)
        {
            if (existing.ExpiresAt <= now)
            {
                sessions.TryRemove(token, out _);
            }
        }

        var session = new DemoSession(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), username, now + Lifetime);
        sessions[session.Token] = session;
        return session;
    }

    /// <summary>Finds the session of a token that has not expired or been ended.</summary>
    public bool TryGetActive(string token, [NotNullWhen(true)] out DemoSession? session)
    {
        if (sessions.TryGetValue(token, out session) && session.ExpiresAt > timeProvider.GetUtcNow())
        {
            return true;
        }

        session = null;
        return false;
    }

    /// <summary>True while the token belongs to a session that has not expired or been ended.</summary>
    public bool IsActive(string token) => TryGetActive(token, out _);

    /// <summary>Ends a session; its token is refused from now on.</summary>
    public void End(string token) => sessions.TryRemove(token, out _);
}
