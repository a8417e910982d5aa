using System.Globalization;

namespace Monitoring.Core.Notifications;

/// <summary>Wording shared by every channel, so Teams, email and webhooks say the same thing.</summary>
public static class NotificationText
{
    /// <summary>How many alerts one message lists before it says "and N more".</summary>
    public const int MaxListed = 10;

    /// <summary>"Firing", "Resolved", "Still firing" or "Test".</summary>
    public static string State(NotificationKind kind) => kind switch
    {
        NotificationKind.Firing => "Firing",
        NotificationKind.Resolved => "Resolved",
        NotificationKind.Reminder => "Still firing",
        _ => "Test",
    };

    /// <summary>One line naming the message: severity, state and the first alert, plus how many others.</summary>
    public static string Title(NotificationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var first = message.Alerts[0];
        var others = message.Alerts.Length - 1;
        var state = message.AllResolved ? "Resolved" : State(first.Kind);
        var more = others > 0 ? string.Create(CultureInfo.InvariantCulture, $" (+{others} more)") : string.Empty;
        return $"[{message.TopSeverity.ToUpperInvariant()}] {state}: {first.AlertName}{more}";
    }

    /// <summary>An instant as people read it in every channel: UTC, to the second.</summary>
    public static string Instant(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>An instant for machines: ISO 8601 UTC.</summary>
    public static string Iso(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>How long an alert has been firing at <paramref name="at"/>, e.g. "3m" or "2h 5m".</summary>
    public static string Elapsed(DateTimeOffset since, DateTimeOffset at)
    {
        var span = at - since;
        if (span < TimeSpan.FromMinutes(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (int)span.TotalSeconds)}s");
        }

        return span < TimeSpan.FromHours(1)
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes}m")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h {span.Minutes}m");
    }
}
