using Monitoring.Core.Alerting;

namespace Monitoring.Functions.Api;

/// <summary>
/// Serves the copies of <c>docs/runbooks/*.md</c> published with the app, so every alert links to a runbook that
/// exists and matches the deployed version, even when the spec names no <c>runbookBaseUrl</c>. Anonymous like the
/// status page: on-call engineers open them from Teams and email, without a function key; they hold no secrets.
/// </summary>
public static class RunbooksApi
{
    /// <summary>Where the copies live, under the app's folder.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "docs", "runbooks");

    /// <summary>The handlers, keyed by function name.</summary>
    public static IEnumerable<KeyValuePair<string, Delegate>> Handlers =>
    [
        new("runbooks", GetAsync),
    ];

    private static async Task<IResult> GetAsync(string name, CancellationToken cancellationToken)
    {
        // Only the known files: the name never becomes a path it was not meant to be.
        if (!Runbooks.All.Contains(name, StringComparer.Ordinal))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such runbook.",
                detail: $"'{name}' is not a runbook; the runbooks are {string.Join(", ", Runbooks.All)}.");
        }

        var path = Path.Combine(Folder, name);
        if (!File.Exists(path))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "The runbook was not published with the app.",
                detail: $"docs/runbooks/{name} is missing from the app's folder.");
        }

        // Plain text, so browsers show the markdown rather than download it.
        return Results.Text(await File.ReadAllTextAsync(path, cancellationToken), "text/plain; charset=utf-8");
    }
}
