using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using Monitoring.Core.Checks;

namespace Monitoring.Core.Results;

/// <summary>Maps check runs to and from <see cref="MonitorTables.CheckRun"/> rows.</summary>
public static class CheckRunRows
{
    /// <summary>The row for <paramref name="run"/>.</summary>
    public static TableRow ToRow(CheckRunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var steps = new JsonArray();
        foreach (var step in run.Steps)
        {
            steps.Add(new JsonObject
            {
                ["name"] = step.Name,
                ["outcome"] = step.Outcome.ToString(),
                ["statusCode"] = step.StatusCode,
                ["durationMs"] = Math.Round(step.DurationMs, 3),
                ["errorKind"] = step.ErrorKind?.ToWireName(),
                ["message"] = step.Message,
                ["cleanup"] = step.Cleanup,
            });
        }

        return new TableRow(MonitorTables.CheckRun,
        [
            run.StartedAt.ToUniversalTime(),
            run.CheckName,
            run.Service,
            run.Location,
            run.RunId,
            run.Outcome.ToString(),
            run.Success,
            Math.Round(run.DurationMs, 3),
            run.Attempts,
            run.FailedStep,
            run.ErrorKind?.ToWireName(),
            run.StatusCode,
            run.Message,
            run.CertDaysLeft,
            steps,
        ]);
    }

    /// <summary>The check run a row holds; throws <see cref="FormatException"/> for a row this code did not write.</summary>
    public static CheckRunResult FromRow(TableRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!ReferenceEquals(row.Table, MonitorTables.CheckRun) && row.Table.Name != MonitorTables.CheckRun.Name)
        {
            throw new ArgumentException($"Expected a {MonitorTables.CheckRun.Name} row, got {row.Table.Name}.", nameof(row));
        }

        var steps = ImmutableArray.CreateBuilder<StepResult>();
        if (row["Steps"] is JsonArray array)
        {
            foreach (var node in array.OfType<JsonObject>())
            {
                steps.Add(new StepResult(
                    Name: (string?)node["name"] ?? string.Empty,
                    Outcome: Enum.Parse<StepOutcome>((string?)node["outcome"] ?? nameof(StepOutcome.Passed)),
                    StatusCode: (int?)node["statusCode"],
                    DurationMs: (double?)node["durationMs"] ?? 0,
                    ErrorKind: ErrorKinds.FromWireName((string?)node["errorKind"]),
                    Message: (string?)node["message"],
                    Cleanup: (bool?)node["cleanup"] ?? false));
            }
        }

        return new CheckRunResult(
            CheckName: (string)row["CheckName"]!,
            Service: (string?)row["Service"],
            Location: (string?)row["Location"] ?? string.Empty,
            RunId: (string)row["RunId"]!,
            StartedAt: (DateTimeOffset)row["TimeGenerated"]!,
            Outcome: Enum.Parse<CheckOutcome>((string)row["Outcome"]!),
            DurationMs: Convert.ToDouble(row["DurationMs"], CultureInfo.InvariantCulture),
            Attempts: Convert.ToInt32(row["Attempts"], CultureInfo.InvariantCulture),
            FailedStep: (string?)row["FailedStep"],
            ErrorKind: ErrorKinds.FromWireName((string?)row["ErrorKind"]),
            StatusCode: row["StatusCode"] is null ? null : Convert.ToInt32(row["StatusCode"], CultureInfo.InvariantCulture),
            Message: (string?)row["Message"],
            CertDaysLeft: row["CertDaysLeft"] is null ? null : Convert.ToInt32(row["CertDaysLeft"], CultureInfo.InvariantCulture),
            Steps: steps.ToImmutable());
    }
}
