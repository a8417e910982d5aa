using Azure.Core;

namespace Monitoring.Azure.Tests.Support;

/// <summary>A credential that always hands out the same token and remembers the scopes it was asked for.</summary>
public sealed class StaticTokenCredential(string token) : TokenCredential
{
    private readonly List<string> scopes = [];

    /// <summary>Every scope requested so far.</summary>
    public IReadOnlyList<string> Scopes
    {
        get
        {
            lock (scopes)
            {
                return [.. scopes];
            }
        }
    }

    /// <inheritdoc/>
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (scopes)
        {
            scopes.AddRange(requestContext.Scopes);
        }

        return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
    }

    /// <inheritdoc/>
    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(GetToken(requestContext, cancellationToken));
}
