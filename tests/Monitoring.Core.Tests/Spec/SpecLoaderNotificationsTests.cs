using Monitoring.Core.Spec;
using Xunit;

namespace Monitoring.Core.Tests.Spec;

public sealed class SpecLoaderNotificationsTests
{
    private const string Notifications = """

        notifications:
          statusPageUrl: https://status.example.com/
          runbookBaseUrl: https://github.example.com/org/monitoring/blob/main/docs/runbooks/
          channels:
            oncall-teams:
              teams: { url: "${env:TEAMS_WORKFLOW_URL:-https://example.invalid/workflows}" }
            oncall-email:
              email: { to: [oncall@example.com, leads@example.com] }
            ops-hook:
              webhook: { url: "https://hooks.example.com/alerts", headers: { X-Source: monitoring } }
          routes:
            - name: pages
              match: { severity: critical, service: [shop, search] }
              channels: [oncall-teams, outbox]
              continue: true
              repeatInterval: 2h
              escalation:
                - { after: 15m, channels: [oncall-email] }
                - { after: 45m, channels: [ops-hook] }
            - name: tickets
              match: { severity: warning, labels: { check: checkout } }
              channels: [oncall-email]
              sendResolved: false
          defaultChannels: [outbox]
        """;

    [Fact]
    public void Load_MapsChannelsRoutesAndEscalation()
    {
        var notifications = Fixture.Load(Fixture.GoodYaml + Notifications).Spec!.Notifications;

        Assert.Equal(new Uri("https://status.example.com/"), notifications.StatusPageUrl);
        Assert.Equal(new Uri("https://github.example.com/org/monitoring/blob/main/docs/runbooks/"), notifications.RunbookBaseUrl);
        Assert.Equal([("oncall-teams", ChannelKind.Teams), ("oncall-email", ChannelKind.Email), ("ops-hook", ChannelKind.Webhook)], notifications.Channels.Select(c => (c.Name, c.Kind)));
        Assert.Equal(["oncall@example.com", "leads@example.com"], notifications.Channels[1].To);
        var pages = notifications.Routes[0];
        Assert.Equal(("pages", true, TimeSpan.FromHours(2)), (pages.Name, pages.Continue, pages.RepeatInterval));
        Assert.Equal(["critical"], pages.Match.Severities);
        Assert.Equal(["search", "shop"], pages.Match.Services.Order(StringComparer.Ordinal));
        Assert.Equal([(1, TimeSpan.FromMinutes(15), "oncall-email"), (2, TimeSpan.FromMinutes(45), "ops-hook")], pages.Escalation.Select(l => (l.Level, l.After, l.Channels.Single())));
        Assert.False(notifications.Routes[1].SendResolved);
        Assert.Equal("checkout", notifications.Routes[1].Match.Labels["check"]);
        Assert.Equal([NotificationsSpec.OutboxChannel], notifications.DefaultChannels);
    }

    [Fact]
    public void Load_GivesEmailTheManagedDomainRate_WhenNoneIsSet()
    {
        var email = Fixture.Load(Fixture.GoodYaml + Notifications).Spec!.Notifications.Channels[1];

        Assert.Equal(new EmailRate(10, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5)), email.Rate);
    }

    [Fact]
    public void Load_MapsTheEmailRate_WhenSet()
    {
        var section = Notifications.Replace("leads@example.com] }", "leads@example.com], maxPerHour: 100, groupWait: 0s, groupInterval: 1m }", StringComparison.Ordinal);

        var email = Fixture.Load(Fixture.GoodYaml + section).Spec!.Notifications.Channels[1];

        Assert.Equal(new EmailRate(100, TimeSpan.Zero, TimeSpan.FromMinutes(1)), email.Rate);
    }

    [Theory]
    // Each rate field out of its range, reported with its path.
    [InlineData("maxPerHour: 0", "notifications.channels.oncall-email.email.maxPerHour", "must be from 1 to 1000")]
    [InlineData("maxPerHour: 1001", "notifications.channels.oncall-email.email.maxPerHour", "must be from 1 to 1000")]
    [InlineData("maxPerHour: ten", "notifications.channels.oncall-email.email.maxPerHour", "")]
    [InlineData("groupWait: 11m", "notifications.channels.oncall-email.email.groupWait", "must be from 0s to 10m, not 11m")]
    [InlineData("groupWait: soon", "notifications.channels.oncall-email.email.groupWait", "is not a duration")]
    [InlineData("groupInterval: 10s", "notifications.channels.oncall-email.email.groupInterval", "must be from 15s to 1h, not 10s")]
    [InlineData("groupInterval: 2h", "notifications.channels.oncall-email.email.groupInterval", "must be from 15s to 1h, not 2h")]
    [InlineData("perHour: 5", "notifications.channels.oncall-email.email.perHour", "unknown field 'perHour'")]
    public void Load_ReportsEmailRateMistakes_WithTheirPath(string field, string path, string fragment)
    {
        var section = Notifications.Replace("leads@example.com] }", $"leads@example.com], {field} }}", StringComparison.Ordinal);

        var result = Fixture.Load(Fixture.GoodYaml + section);

        Assert.Null(result.Spec);
        var error = Assert.Single(result.Errors, e => e.Path == path && e.Message.Contains(fragment, StringComparison.Ordinal));
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void Load_DefaultsToTheOutbox_WhenTheSectionIsAbsent()
    {
        Assert.Equal(NotificationsSpec.Default, Fixture.LoadGood().Notifications);
    }

    [Theory]
    // One mistake each, reported with its path.
    [InlineData("channels: [oncall-email]\n      sendResolved", "channels: [pager]\n      sendResolved", "notifications.routes[1] (tickets).channels[0]", "channel 'pager' is not declared")]
    [InlineData("teams: { url", "teams: { link", "notifications.channels.oncall-teams.teams.link", "unknown field 'link'")]
    [InlineData("webhook: { url: \"https://hooks", "webhook: { url: \"http://hooks", "notifications.channels.ops-hook.webhook.url", "must be an absolute https URL")]
    [InlineData("oncall@example.com,", "oncall-at-example.com,", "notifications.channels.oncall-email.email.to[0]", "is not an email address")]
    [InlineData("- { after: 45m", "- { after: 10m", "notifications.routes[0] (pages).escalation[1].after", "must be later than the level before it")]
    [InlineData("    ops-hook:\n      webhook:", "    ops-hook:\n      outbox: {}\n      webhook:", "notifications.channels.ops-hook", "needs exactly one of teams, email, webhook, outbox")]
    [InlineData("statusPageUrl: https://status.example.com/", "statusPageUrl: status page", "notifications.statusPageUrl", "is not an absolute http(s) URL")]
    [InlineData("runbookBaseUrl: https://github.example.com/org/monitoring/blob/main/docs/runbooks/", "runbookBaseUrl: docs/runbooks/", "notifications.runbookBaseUrl", "'docs/runbooks/' is not an absolute http(s) URL")]
    [InlineData("    ops-hook:", "    outbox:", "notifications.channels.outbox", "built-in outbox channel")]
    public void Load_ReportsNotificationMistakes_WithTheirPath(string from, string to, string path, string fragment)
    {
        var section = Notifications.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Notifications, section);

        var result = Fixture.Load(Fixture.GoodYaml + section);

        Assert.Null(result.Spec);
        Assert.Single(result.Errors, e => e.Path == path && e.Message.Contains(fragment, StringComparison.Ordinal));
    }
}
