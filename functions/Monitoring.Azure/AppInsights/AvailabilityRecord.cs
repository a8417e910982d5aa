using System.Globalization;
using Microsoft.ApplicationInsights.DataContracts;
using Monitoring.Core.Checks;

namespace Monitoring.Azure.AppInsights;

/// <summary>
/// Maps a check run to the availability telemetry of the Availability blade (<c>AppAvailabilityResults</c>):
/// the run id is the telemetry id, so a point in the blade leads to its <c>MonitorCheckRun_CL</c> row.
/// </summary>
public static class AvailabilityRecord
{
    /// <summary>The availability telemetry for <paramref name="run"/>; Degraded runs count as available, as in the results table.</summary>
    public static AvailabilityTelemetry From(CheckRunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var telemetry = new AvailabilityTelemetry(
            run.CheckName,
            run.StartedAt,
            TimeSpan.FromMilliseconds(run.DurationMs),
            run.Location,
            run.Success,
            run.Message)
        {
            Id = run.RunId,
        };

        var properties = telemetry.Properties;
        properties["RunId"] = run.RunId;
        properties["Outcome"] = run.Outcome.ToString();
        properties["Attempts"] = run.Attempts.ToString(CultureInfo.InvariantCulture);
        Add(properties, "Service", run.Service);
        Add(properties, "FailedStep", run.FailedStep);
        Add(properties, "ErrorKind", run.ErrorKind?.ToWireName());
        Add(properties, "StatusCode", run.StatusCode?.ToString(CultureInfo.InvariantCulture));
        return telemetry;
    }

    private static void Add(IDictionary<string, string> properties, string name, string? value)
    {
        if (value is not null)
        {
            properties[name] = value;
        }
    }
}
