using System.Globalization;
using Monitoring.Core.Alerting;

namespace Monitoring.Core.Strategy;

/// <summary>
/// How fast each severity is answered: the one place in code holding the numbers of the on-call guide
/// (<c>docs/runbooks/on-call.md</c>, "Severities, response times and who is told").
/// </summary>
public static class ResponseTimes
{
    /// <summary>A critical alert is acknowledged within this, day and night.</summary>
    public static TimeSpan Critical { get; } = TimeSpan.FromMinutes(15);

    /// <summary>A warning is acknowledged within this many business hours.</summary>
    public const int WarningBusinessHours = 4;

    /// <summary>The response time of <paramref name="severity"/>, as people read it.</summary>
    public static string Describe(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => string.Create(CultureInfo.InvariantCulture, $"{Critical.TotalMinutes:0} minutes, day and night (the on-call engineer is paged)"),
        AlertSeverity.Warning => string.Create(CultureInfo.InvariantCulture, $"{WarningBusinessHours} business hours (a ticket for the owning team)"),
        _ => "none: recorded and shown on the status page and workbooks, reviewed weekly",
    };
}
