using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Monitoring.Core.Notifications;

namespace Monitoring.Core.Results;

/// <summary>Maps delivery log entries to and from <see cref="MonitorTables.Delivery"/> rows.</summary>
public static class DeliveryRows
{
    /// <summary>The row for <paramref name="entry"/>.</summary>
    public static TableRow ToRow(DeliveryLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var keys = new JsonArray();
        foreach (var key in entry.AlertKeys.IsDefault ? [] : entry.AlertKeys)
        {
            keys.Add(key);
        }

        return new TableRow(MonitorTables.Delivery,
        [
            entry.At.ToUniversalTime(),
            entry.Route,
            entry.Channel,
            entry.ChannelKind,
            entry.GroupKey,
            keys,
            entry.Alerts,
            entry.Kind,
            entry.Delivered,
            entry.Attempts,
            entry.StatusCode,
            entry.Error,
            Math.Round(entry.DurationMs, 3),
            entry.Held,
        ]);
    }

    /// <summary>The entry a row holds; alert keys that are not a JSON array of strings read as none.</summary>
    public static DeliveryLogEntry FromRow(TableRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!ReferenceEquals(row.Table, MonitorTables.Delivery) && row.Table.Name != MonitorTables.Delivery.Name)
        {
            throw new ArgumentException($"Expected a {MonitorTables.Delivery.Name} row, got {row.Table.Name}.", nameof(row));
        }

        var keys = row["AlertKeys"] is JsonArray array
            ? array.Select(k => k is JsonValue value && value.TryGetValue<string>(out var key) ? key : null).OfType<string>().ToImmutableArray()
            : [];
        return new DeliveryLogEntry(
            At: (DateTimeOffset)row["TimeGenerated"]!,
            Route: (string?)row["Route"] ?? string.Empty,
            Channel: (string?)row["Channel"] ?? string.Empty,
            ChannelKind: (string?)row["ChannelKind"],
            GroupKey: (string?)row["GroupKey"] ?? string.Empty,
            AlertKeys: keys,
            Kind: (string?)row["Kind"] ?? string.Empty,
            Delivered: (bool?)row["Delivered"] ?? false,
            Attempts: (int?)row["Attempts"] ?? 0,
            StatusCode: (int?)row["StatusCode"],
            Error: (string?)row["Error"],
            DurationMs: (double?)row["DurationMs"] ?? 0,
            Held: (bool?)row["Held"] ?? false);
    }
}
