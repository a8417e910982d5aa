namespace Monitoring.Functions.Demo.Shop;

/// <summary>A signed-in user's session, identified by its bearer token.</summary>
/// <param name="Token">The opaque bearer token handed out at login.</param>
/// <param name="Username">Who signed in.</param>
/// <param name="ExpiresAt">When the token stops being accepted.</param>
internal sealed record DemoSession(string Token, string Username, DateTimeOffset ExpiresAt);
