using Monitoring.Functions.Demo.Faults;

namespace Monitoring.Functions.Demo.Shop;

/// <summary>Login and logout: <c>POST /demo/api/login</c> and <c>POST /demo/api/logout</c>.</summary>
internal static class DemoAccountEndpoints
{
    /// <summary>The only user the demo shop knows.</summary>
    public const string DemoUsername = "demo";

    /// <summary>Maps login and logout onto the shop's group.</summary>
    public static void Map(IEndpointRouteBuilder shop)
    {
        shop.MapPost("/api/login", async (HttpRequest request, DemoSessionStore sessions, CancellationToken cancellationToken) =>
        {
            var (body, problem) = await DemoJsonBody.ReadAsync<DemoLoginRequest>(request, DemoJsonBody.Lenient, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }

            if (string.IsNullOrEmpty(body!.Username) || string.IsNullOrEmpty(body.Password))
            {
                return DemoProblems.BadRequest("The login is incomplete.", "Both username and password are required.");
            }

            // Any password is accepted: the monitor reads it from its environment, and the shop must not care which it is.
            // Neither the password nor the unknown username is echoed back.
            if (!string.Equals(body.Username, DemoUsername, StringComparison.Ordinal))
            {
                return Results.Problem(
                    title: "The username or password is wrong.",
                    detail: $"The demo shop has one user, '{DemoUsername}'.",
                    statusCode: StatusCodes.Status401Unauthorized);
            }

            var session = sessions.Start(body.Username);
            return Results.Ok(new { token = session.Token, expiresAt = session.ExpiresAt });
        }).WithFaultRoute(DemoFaultRoutes.Login);

        shop.MapPost("/api/logout", (HttpRequest request, DemoSessionStore sessions) =>
        {
            if (!DemoBearerToken.TryAuthenticate(request, sessions, out var session))
            {
                return DemoProblems.Unauthorized();
            }

            sessions.End(session.Token);
            return Results.NoContent();
        }).WithFaultRoute(DemoFaultRoutes.Logout);
    }
}
