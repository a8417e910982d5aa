using System.Text.Json.Nodes;
using Monitoring.Functions.Notifications;
using Xunit;

namespace Monitoring.Functions.Tests.Support;

/// <summary>Reads the alerts the app delivered to its outbox, newest first.</summary>
internal static class OutboxAlerts
{
    public static async Task<IReadOnlyList<JsonObject>> ReadAsync(OutboxFile outbox) =>
        [.. (await outbox.ReadLatestAsync(1000, TestContext.Current.CancellationToken))
            .SelectMany(entry => entry["payload"]?["alerts"]?.AsArray() ?? [])
            .OfType<JsonObject>()];

    public static async Task<IReadOnlyList<JsonObject>> ForKeyAsync(OutboxFile outbox, string key) =>
        [.. (await ReadAsync(outbox)).Where(a => (string?)a["key"] == key)];
}
