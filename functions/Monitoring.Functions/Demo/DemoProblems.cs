namespace Monitoring.Functions.Demo;

/// <summary>The RFC 7807 problem responses the demo shop answers with, worded in one place.</summary>
internal static class DemoProblems
{
    /// <summary>400: the request is malformed or invalid.</summary>
    public static IResult BadRequest(string title, string detail) =>
        Results.Problem(title: title, detail: detail, statusCode: StatusCodes.Status400BadRequest);

    /// <summary>401: no valid bearer token.</summary>
    public static IResult Unauthorized() =>
        Results.Problem(
            title: "A valid bearer token is required.",
            detail: "Log in with POST /demo/api/login and send the token as 'Authorization: Bearer <token>'.",
            statusCode: StatusCodes.Status401Unauthorized);

    /// <summary>404: the named thing does not exist (or belongs to another session).</summary>
    public static IResult NotFound(string title, string detail) =>
        Results.Problem(title: title, detail: detail, statusCode: StatusCodes.Status404NotFound);
}
