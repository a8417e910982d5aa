namespace Monitoring.Functions.Hosting;

/// <summary>Where the app is running: under the Functions host, in Azure, or standalone.</summary>
/// <param name="CustomHandlerPort">The port the Functions host asked for, when it started us.</param>
/// <param name="InAzure">True on an Azure App Service / Functions worker.</param>
public sealed record HostEnvironment(int? CustomHandlerPort, bool InAzure)
{
    /// <summary>True when the Functions host drives invocations (it owns timers and key checks).</summary>
    public bool UnderFunctionsHost => CustomHandlerPort is not null;

    /// <summary>Reads the current process environment.</summary>
    public static HostEnvironment Current() => new(
        int.TryParse(Environment.GetEnvironmentVariable("FUNCTIONS_CUSTOMHANDLER_PORT"), out var port) ? port : null,
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WEBSITE_SITE_NAME")));
}
