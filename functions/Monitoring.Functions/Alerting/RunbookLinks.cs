using Monitoring.Core.Alerting;
using Monitoring.Core.Ports;
using Monitoring.Functions.Hosting;

namespace Monitoring.Functions.Alerting;

/// <summary>
/// Where the runbooks of alert types are linked from: the spec's <c>notifications.runbookBaseUrl</c> when it sets one,
/// otherwise the copies this app serves at <c>/api/runbooks/</c> (the function <c>runbooks</c>), on its public host name
/// in Azure (<c>WEBSITE_HOSTNAME</c>) or its own listening address locally. Every alert observation passes through
/// <see cref="Link"/>, so an alert whose service names no runbook still links to the runbook of its type.
/// </summary>
/// <param name="spec">The spec, for <c>notifications.runbookBaseUrl</c>.</param>
/// <param name="environment">The app settings, for <c>WEBSITE_HOSTNAME</c>.</param>
/// <param name="listeningAddress">Where the app listens (its first server address), or null before it does.</param>
public sealed class RunbookLinks(SpecProvider spec, IEnvironmentVariables environment, Func<string?> listeningAddress)
{
    /// <summary>The path the app serves its runbook copies under.</summary>
    public const string ServedPath = "api/runbooks/";

    private Uri? served;

    /// <summary>The base URL the runbook files are linked under.</summary>
    public Uri BaseUrl => spec.Spec.Notifications.RunbookBaseUrl ?? Served();

    /// <summary>The link to <paramref name="file"/> (one of <see cref="Runbooks.All"/>).</summary>
    public Uri For(string file) => Runbooks.Link(BaseUrl, file);

    /// <summary><paramref name="observation"/>, its alert linked to the runbook of its type when its service names none.</summary>
    public AlertObservation Link(AlertObservation observation) => Runbooks.WithDefault(observation, BaseUrl);

    private Uri Served()
    {
        if (served is not null)
        {
            return served;
        }

        if (environment.Get("WEBSITE_HOSTNAME") is { Length: > 0 } host)
        {
            return served = new Uri($"https://{host}/{ServedPath}");
        }

        // Locally: where this app listens, once it does. A wildcard binding is reached on localhost.
        var address = listeningAddress();
        if (address is null || !Uri.TryCreate(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var listening))
        {
            return new Uri(new Uri(MonitoringApp.DefaultLocalUrl + "/"), ServedPath);
        }

        var origin = listening.Host is "0.0.0.0" or "[::]" ? new UriBuilder(listening) { Host = "localhost" }.Uri : listening;
        return served = new Uri(new Uri(origin.GetLeftPart(UriPartial.Authority) + "/"), ServedPath);
    }
}
