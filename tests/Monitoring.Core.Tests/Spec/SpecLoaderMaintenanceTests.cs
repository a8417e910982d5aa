using Monitoring.Core.Alerting;
using Monitoring.Core.Routing;
using Xunit;

namespace Monitoring.Core.Tests.Spec;

public sealed class SpecLoaderMaintenanceTests
{
    private const string Windows = """

        maintenance:
          - name: nightly-deploy
            match: { service: shop }
            timeZone: Europe/Amsterdam
            at: "02:00"
            for: 30m
            days: [sun, wed]
          - name: db-migration
            match: { check: checkout, severity: critical }
            timeZone: Europe/London
            from: 2026-12-01 22:00
            until: 2026-12-02 02:00
        """;

    [Fact]
    public void Load_MapsRecurringAndOneOffWindows()
    {
        var spec = Fixture.Load(Fixture.GoodYaml + Windows).Spec!;

        Assert.Equal(["nightly-deploy", "db-migration"], spec.Maintenance.Select(w => w.Name));
        var nightly = Assert.IsType<RecurringSchedule>(spec.Maintenance[0].Schedule);
        Assert.Equal((new TimeOnly(2, 0), TimeSpan.FromMinutes(30)), (nightly.Start, nightly.Duration));
        Assert.Equal([DayOfWeek.Sunday, DayOfWeek.Wednesday], nightly.Days.Order());
        Assert.Equal("Europe/Amsterdam", nightly.Zone.Id);
        Assert.Equal([new AlertMatcher("check", "checkout"), new AlertMatcher("severity", "critical")], spec.Maintenance[1].Matchers);
        var migration = Assert.IsType<OneOffSchedule>(spec.Maintenance[1].Schedule);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 22, 0, 0, TimeSpan.Zero), migration.OccurrenceAt(new DateTimeOffset(2026, 12, 1, 23, 0, 0, TimeSpan.Zero))!.Start);
    }

    [Theory]
    // One mistake each, reported with its path.
    [InlineData("match: { service: shop }", "match: {}", "maintenance[0] (nightly-deploy).match", "needs at least one matcher")]
    [InlineData("    match: { service: shop }\n", "", "maintenance[0] (nightly-deploy).match", "is required")]
    [InlineData("Europe/Amsterdam", "Mars/Olympus", "maintenance[0] (nightly-deploy).timeZone", "'Mars/Olympus' is not a time zone")]
    [InlineData("at: \"02:00\"", "at: \"25:00\"", "maintenance[0] (nightly-deploy).at", "'25:00' is not a time of day")]
    [InlineData("for: 30m", "for: 8d", "maintenance[0] (nightly-deploy).for", "must be at most 7d")]
    [InlineData("days: [sun, wed]", "days: [sun, someday]", "maintenance[0] (nightly-deploy).days[1]", "'someday' is not a day")]
    [InlineData("until: 2026-12-02 02:00", "until: 2026-12-01 21:00", "maintenance[1] (db-migration).until", "must be after from")]
    [InlineData("from: 2026-12-01 22:00", "from: tomorrow", "maintenance[1] (db-migration).from", "'tomorrow' is not a local date and time")]
    [InlineData("    until: 2026-12-02 02:00", "    until: 2026-12-02 02:00\n    at: \"02:00\"", "maintenance[1] (db-migration)", "not both")]
    [InlineData("name: db-migration", "name: nightly-deploy", "maintenance[1] (nightly-deploy).name", "duplicate maintenance window name 'nightly-deploy'")]
    public void Load_ReportsMaintenanceMistakes_WithTheirPath(string from, string to, string path, string fragment)
    {
        var windows = Windows.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Windows, windows);

        var result = Fixture.Load(Fixture.GoodYaml + windows);

        Assert.Null(result.Spec);
        Assert.Single(result.Errors, e => e.Path == path && e.Message.Contains(fragment, StringComparison.Ordinal));
    }
}
