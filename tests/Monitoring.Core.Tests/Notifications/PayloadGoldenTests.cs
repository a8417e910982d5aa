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
    // Title wording per message shape.
    [InlineData("firing", "[CRITICAL] Firing: checkout failing (+1 more)")]
    [InlineData("resolved", "[CRITICAL] Resolved: checkout failing")]
    public void Title_NamesSeverityStateAndFirstAlert(string shape, string expected)
    {
        var message = shape == "firing" ? Message(CheckoutDown(), HomepageSlow()) : Message(CheckoutDown(NotificationKind.Resolved));

        Assert.Equal(expected, NotificationText.Title(message));
    }
}
