using Monitoring.Core.Notifications;
using Xunit;
using static Monitoring.Core.Tests.Notifications.TestNotifications;

namespace Monitoring.Core.Tests.Notifications;

/// <summary>Every generated payload is pinned by a golden file.</summary>
public sealed class PayloadGoldenTests
{
    public static TheoryData<string, NotificationMessage> Messages => new()
    {
        { "firing-group", Message(CheckoutDown(), HomepageSlow()) },
        { "resolved", Message(CheckoutDown(NotificationKind.Resolved)) },
        { "reminder-after-maintenance", Message(CheckoutDown(NotificationKind.Reminder)) },
        { "digest", Digest() },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void TeamsCard_MatchesGoldenFile(string name, NotificationMessage message) =>
        Golden.AssertMatches($"teams-{name}.json", NotificationJson.Serialize(TeamsCardBuilder.Build(message), indented: true));

    [Theory]
    [MemberData(nameof(Messages))]
    public void Webhook_MatchesGoldenFile(string name, NotificationMessage message) =>
        Golden.AssertMatches($"webhook-{name}.json", NotificationJson.Serialize(WebhookPayloadBuilder.Build(message), indented: true));

    [Theory]
    [MemberData(nameof(Messages))]
    public void Email_MatchesGoldenFile(string name, NotificationMessage message)
    {
        var email = EmailContentBuilder.Build(message);
        Golden.AssertMatches($"email-{name}.txt", $"Subject: {email.Subject}\n\n{email.PlainText}\n---\n{email.Html}\n");
    }

    [Fact]
    public void EveryChannel_LinksEachAlertsOwnRunbook_WhenAGroupMixesAlertTypes()
    {
        var slow = HomepageSlow() with { RunbookUrl = new Uri("https://github.example.com/org/monitoring/blob/main/docs/runbooks/journey-degraded.md") };
        var message = Message(CheckoutDown(), slow);

        var card = NotificationJson.Serialize(TeamsCardBuilder.Build(message), indented: false);
        var webhook = WebhookPayloadBuilder.Build(message);
        var email = EmailContentBuilder.Build(message);

        foreach (var runbook in new[] { "https://runbooks.example.com/shopflow#checkout", slow.RunbookUrl.AbsoluteUri })
        {
            Assert.Contains($"[Runbook]({runbook})", card, StringComparison.Ordinal);
            Assert.Contains($"Runbook: {runbook}", email.PlainText, StringComparison.Ordinal);
        }

        Assert.Equal(["https://runbooks.example.com/shopflow#checkout", slow.RunbookUrl.AbsoluteUri], webhook["alerts"]!.AsArray().Select(a => (string?)a!["runbookUrl"]));
    }

    [Fact]
    public void TeamsCard_ListsTenAlertsAndCountsTheRest_WhenGroupIsLarge()
    {
        var alerts = Enumerable.Range(1, 14).Select(i => CheckoutDown() with { AlertKey = $"check:c{i}", AlertName = $"check c{i} failing" }).ToArray();

        var card = NotificationJson.Serialize(TeamsCardBuilder.Build(Message(alerts)));

        Assert.Contains("check c10 failing", card, StringComparison.Ordinal);
        Assert.DoesNotContain("check c11 failing", card, StringComparison.Ordinal);
        Assert.Contains("…and 4 more alerts in this group.", card, StringComparison.Ordinal);
        Assert.True(card.Length < 28_000, $"The card is {card.Length} characters; Teams refuses messages over about 28 KB.");
    }

    [Fact]
    public void Email_EncodesHtml_WhenValuesHoldMarkup()
    {
        var message = Message(CheckoutDown() with { Summary = "<script>alert(1)</script>" });

        var email = EmailContentBuilder.Build(message);

        Assert.DoesNotContain("<script>", email.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", email.Html, StringComparison.Ordinal);
    }

    [Theory]
    // Email subjects: each alert counts once, by its latest notification; the severity is that of what is still open.
    [InlineData("one firing", "[CRITICAL] Firing: checkout failing — shop")]
    [InlineData("one resolved", "[CRITICAL] Resolved: checkout failing — shop")]
    [InlineData("digest", "[CRITICAL] 3 alerts firing, 1 resolved — shop")]
    [InlineData("fired and resolved", "[CRITICAL] Resolved: checkout failing — shop")]
    [InlineData("critical resolved, warning open", "[WARNING] 1 alert firing, 1 resolved — shop")]
    [InlineData("two services", "[CRITICAL] 2 alerts firing — shop, search")]
    [InlineData("tests", "[INFO] 2 test messages")]
    public void EmailSubject_CountsFiringAndResolvedAlerts_AndNamesTheServices(string shape, string expected)
    {
        var test = CheckoutDown(NotificationKind.Test) with { Severity = Severities.Info, Service = null };
        var message = shape switch
        {
            "one firing" => Message(CheckoutDown()),
            "one resolved" => Message(CheckoutDown(NotificationKind.Resolved)),
            "digest" => Digest(),
            "fired and resolved" => Message(CheckoutDown(), CheckoutDown(NotificationKind.Resolved)),
            "critical resolved, warning open" => Message(CheckoutDown(), HomepageSlow(), CheckoutDown(NotificationKind.Resolved)),
            "two services" => Message(CheckoutDown(), CheckoutDown() with { AlertKey = "check:search", Service = "search" }),
            _ => Message(test, test with { AlertKey = "test:other" }),
        };

        Assert.Equal(expected, EmailContentBuilder.Subject(message));
    }

    [Fact]
    public void Email_ListsEveryNotification_WhenTheDigestIsLarge()
    {
        var alerts = Enumerable.Range(1, 25).Select(i => CheckoutDown() with { AlertKey = $"check:c{i}", AlertName = $"check c{i} failing" }).ToArray();

        var email = EmailContentBuilder.Build(Message(alerts));

        Assert.Equal("[CRITICAL] 25 alerts firing — shop", email.Subject);
        Assert.All(alerts, a => Assert.Contains(a.AlertName + " (shop)", email.PlainText, StringComparison.Ordinal));
        Assert.All(alerts, a => Assert.Contains("· " + a.AlertName + "\n", email.PlainText, StringComparison.Ordinal));
    }

    [Theory]
    // Title wording per message shape.
    [InlineData("firing", "[CRITICAL] Firing: checkout failing (+1 more)")]
    [InlineData("resolved", "[CRITICAL] Resolved: checkout failing")]
    public void Title_NamesSeverityStateAndFirstAlert(string shape, string expected)
    {
        var message = shape == "firing" ? Message(CheckoutDown(), HomepageSlow()) : Message(CheckoutDown(NotificationKind.Resolved));

        Assert.Equal(expected, NotificationText.Title(message));
    }

    // What an email channel sends after holding: three alerts fired over a few minutes, and one of an earlier incident resolved.
    private static NotificationMessage Digest() => Message(
        CheckoutDown(),
        HomepageSlow() with { At = At.AddMinutes(1) },
        CheckoutDown() with { AlertKey = "check:login", AlertName = "login failing", Summary = "Journey login failed 3 runs in a row at step login (timeout).", LastError = null, RunbookUrl = null, At = At.AddMinutes(2) },
        CheckoutDown(NotificationKind.Resolved) with { AlertKey = "check:search", AlertName = "search failing", Summary = "Journey search is healthy again.", LastError = null, At = At.AddMinutes(3) });
}
