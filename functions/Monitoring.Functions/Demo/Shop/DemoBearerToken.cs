using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;

namespace Monitoring.Functions.Demo.Shop;

/// <summary>Finds the session behind a request's <c>Authorization: Bearer</c> header.</summary>
internal static class DemoBearerToken
{
    /// <summary>True when the request carries the token of an active session.</summary>
    public static bool TryAuthenticate(HttpRequest request, DemoSessionStore sessions, [NotNullWhen(true)] out DemoSession? session)
    {
        session = null;
        return AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header)
            && string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
            && header.Parameter is { Length: > 0 } token
            && sessions.TryGetActive(token, out session);
    }
}
