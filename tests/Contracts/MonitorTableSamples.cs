using System.Text.Json.Nodes;
using Monitoring.Core.Checks;
using Monitoring.Core.Notifications;
using Monitoring.Core.Results;

namespace Monitoring.Contracts;

/// <summary>Realistic rows for the monitor tables, for contract tests and measurements.</summary>
public static class MonitorTableSamples
{
    /// <summary>A readable instant with whole milliseconds, the precision every results store keeps.</summary>
    public static DateTimeOffset Noon { get; } = new(2026, 3, 14, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A healthy five-step checkout journey run; mutate it with <c>with</c> per case.</summary>
    public static CheckRunResult CheckoutRun { get; } = new(
        CheckName: "checkout-journey",
        Service: "shop",
        Location: "westeurope",
        RunId: "3f2c1a9e-5b7d-4c11-9a0e-7d3e2b1c4f60",
        StartedAt: Noon,
        Outcome: CheckOutcome.Healthy,
        DurationMs: 812.345,
        Attempts: 1,
        FailedStep: null,
        ErrorKind: null,
        StatusCode: 200,
        Message: null,
        CertDaysLeft: 61,
        Steps:
        [
            new("home", StepOutcome.Passed, 200, 120.5, null, null, false),
            new("login", StepOutcome.Passed, 302, 210.25, null, null, false),
            new("add-to-cart", StepOutcome.Passed, 201, 180.125, null, null, false),
            new("checkout", StepOutcome.Passed, 200, 301.47, null, null, false),
            new("logout", StepOutcome.Passed, 204, 42, null, null, true),
        ]);

    /// <summary><see cref="CheckoutRun"/> renamed and started at <paramref name="startedAt"/>, with a run id that says both.</summary>
    public static CheckRunResult RunOf(string checkName, DateTimeOffset startedAt) => CheckoutRun with
    {
        CheckName = checkName,
        StartedAt = startedAt,
        RunId = $"{checkName}@{startedAt.ToUnixTimeMilliseconds()}",
    };

    /// <summary>A webhook delivery of a two-alert firing message that failed after retries; mutate it with <c>with</c> per case.</summary>
    public static DeliveryLogEntry WebhookDelivery { get; } = new(
        At: Noon,
        Route: "pages",
        Channel: "ops-hook",
        ChannelKind: "webhook",
        GroupKey: "pages/shop",
        AlertKeys: ["check:checkout", "degraded:checkout"],
        Kind: "firing",
        Delivered: false,
        Attempts: 4,
        StatusCode: 500,
        Error: "the endpoint answered 500 Internal Server Error",
        DurationMs: 7012.5);

    /// <summary><see cref="WebhookDelivery"/> started at <paramref name="at"/> to <paramref name="channel"/>.</summary>
    public static DeliveryLogEntry DeliveryOf(string channel, DateTimeOffset at) => WebhookDelivery with { Channel = channel, At = at };

    /// <summary>A row of <paramref name="table"/> at <paramref name="timeGenerated"/> with a typical non-null value in every column.</summary>
    public static TableRow RowOf(TableDefinition table, DateTimeOffset timeGenerated)
    {
        ArgumentNullException.ThrowIfNull(table);
        var values = table.Columns.Select(column => column.Name == "TimeGenerated" ? timeGenerated : ValueOf(column));
        return new TableRow(table, [.. values]);
    }

    private static object ValueOf(ColumnDefinition column) => column.Type switch
    {
        ColumnType.String => $"{column.Name} text é",
        ColumnType.Int => 42,
        ColumnType.Long => 5_000_000_000L,
        ColumnType.Real => 12.625,
        ColumnType.Boolean => true,
        ColumnType.DateTime => Noon.AddMinutes(-90),
        ColumnType.Dynamic => new JsonObject { ["team"] = "payments", ["tags"] = new JsonArray("a", "b"), ["count"] = 3 },
        ColumnType.Guid => Guid.Parse("8d6f2c0e-1b4a-4e9b-9c1d-2a7e5f3b6c80"),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, "Unknown column type."),
    };
}
