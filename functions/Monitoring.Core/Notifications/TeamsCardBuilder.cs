using System.Text.Json.Nodes;

namespace Monitoring.Core.Notifications;

/// <summary>
/// Builds the Teams Workflows message: an Adaptive Card (1.4) with severity, service, what is
/// failing and since when, the last error, and links to the runbook and status page. Building
/// is kept apart from sending so the payload can be pinned by golden files.
/// </summary>
public static class TeamsCardBuilder
{
    /// <summary>The message body to POST to a Workflows "When a Teams webhook request is received" URL.</summary>
    public static JsonObject Build(NotificationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = NotificationText.Title(message),
                ["weight"] = "Bolder",
                ["size"] = "Medium",
                ["wrap"] = true,
                ["color"] = Color(message),
            },
        };

        // The card's buttons link the first alert's runbook; in a group, each alert links its own as well.
        var grouped = message.Alerts.Length > 1;
        foreach (var alert in message.Alerts.Take(NotificationText.MaxListed))
        {
            body.Add(AlertContainer(alert, grouped));
        }

        if (message.Alerts.Length > NotificationText.MaxListed)
        {
            body.Add(new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = $"…and {message.Alerts.Length - NotificationText.MaxListed} more alerts in this group.",
                ["isSubtle"] = true,
                ["wrap"] = true,
            });
        }

        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.4",
            ["body"] = body,
            ["msteams"] = new JsonObject { ["width"] = "Full" },
        };

        var actions = Actions(message.Alerts[0]);
        if (actions.Count > 0)
        {
            card["actions"] = actions;
        }

        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray
            {
                new JsonObject
                {
                    ["contentType"] = "application/vnd.microsoft.card.adaptive",
                    ["contentUrl"] = null,
                    ["content"] = card,
                },
            },
        };
    }

    private static JsonObject AlertContainer(Notification alert, bool linkRunbook)
    {
        var facts = new JsonArray
        {
            Fact("State", NotificationText.State(alert.Kind)),
            Fact("Severity", alert.Severity),
        };
        if (alert.Service is not null)
        {
            facts.Add(Fact("Service", alert.Service));
        }

        if (alert.Team is not null)
        {
            facts.Add(Fact("Team", alert.Team));
        }

        facts.Add(Fact("Since", $"{NotificationText.Instant(alert.Since)} ({NotificationText.Elapsed(alert.Since, alert.At)})"));
        if (alert.LastError is not null)
        {
            facts.Add(Fact("Last error", alert.LastError));
        }

        var items = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = alert.AlertName, ["weight"] = "Bolder", ["wrap"] = true },
            new JsonObject { ["type"] = "TextBlock", ["text"] = alert.Summary, ["wrap"] = true },
            new JsonObject { ["type"] = "FactSet", ["facts"] = facts },
        };
        if (linkRunbook && alert.RunbookUrl is not null)
        {
            items.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = $"[Runbook]({alert.RunbookUrl.AbsoluteUri})", ["wrap"] = true });
        }

        return new JsonObject
        {
            ["type"] = "Container",
            ["separator"] = true,
            ["items"] = items,
        };
    }

    private static JsonArray Actions(Notification alert)
    {
        var actions = new JsonArray();
        if (alert.RunbookUrl is not null)
        {
            actions.Add(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Runbook", ["url"] = alert.RunbookUrl.AbsoluteUri });
        }

        if (alert.StatusPageUrl is not null)
        {
            actions.Add(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Status page", ["url"] = alert.StatusPageUrl.AbsoluteUri });
        }

        return actions;
    }

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };

    private static string Color(NotificationMessage message) =>
        message.AllResolved ? "Good" : Severities.Rank(message.TopSeverity) switch
        {
            0 => "Attention",
            1 => "Warning",
            _ => "Default",
        };
}
