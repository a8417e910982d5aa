using System.Collections.Immutable;
using Monitoring.Core.Notifications;
using Monitoring.Core.Notifications.Digests;
using Monitoring.Core.Spec;

namespace Monitoring.Core.Tests.Notifications.Digests;

/// <summary>Readable instants, rates and messages for the email digest tests.</summary>
internal static class DigestFixtures
{
    public static readonly DateTimeOffset Nine = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public static EmailDigestPolicy Policy(int perHour = 10, int waitSeconds = 30, int intervalSeconds = 300) =>
        new(new EmailRate(perHour, TimeSpan.FromSeconds(waitSeconds), TimeSpan.FromSeconds(intervalSeconds)), Lease);

    public static Notification Alert(string key, NotificationKind kind = NotificationKind.Firing, DateTimeOffset? at = null) => new(
        kind, key, key + " failing", Severities.Critical, "shop", null, key + " is failing", null,
        Nine, at ?? Nine, null, null, ImmutableSortedDictionary<string, string>.Empty);

    public static HeldMessage Held(string id, DateTimeOffset at, NotificationKind kind = NotificationKind.Firing) =>
        new(id, at, new NotificationMessage("route:pages/service:shop", [Alert("check:" + id, kind, at)]));

    public static EmailDigestState Holding(params HeldMessage[] held) => EmailDigestState.Empty with { Held = [.. held] };

    public static DateTimeOffset At(int minutes, int seconds = 0) => Nine.AddMinutes(minutes).AddSeconds(seconds);
}
