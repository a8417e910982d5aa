using Monitoring.Core.Alerting;
using Monitoring.Core.Routing;
using Xunit;

namespace Monitoring.Core.Tests.Routing;

public sealed class MaintenanceWindowTests
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    [Theory]
    // Daily 02:00 for 30m, Amsterdam (UTC+1 in winter): open 01:00-01:30 UTC.
    [InlineData("2026-11-23T00:59:59Z", false)]
    [InlineData("2026-11-23T01:00:00Z", true)]
    [InlineData("2026-11-23T01:29:59Z", true)]
    [InlineData("2026-11-23T01:30:00Z", false)]
    // Summer (UTC+2): open 00:00-00:30 UTC.
    [InlineData("2026-07-01T00:15:00Z", true)]
    [InlineData("2026-07-01T01:15:00Z", false)]
    public void Recurring_OpensAtLocalTime_InItsZone(string instant, bool open)
    {
        var schedule = new RecurringSchedule(new TimeOnly(2, 0), TimeSpan.FromMinutes(30), [], Amsterdam);

        Assert.Equal(open, schedule.OccurrenceAt(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)) is not null);
    }

    [Theory]
    // Friday 23:00 for 2h: covers the first hour of Saturday, but a Saturday 23:00 never opens.
    [InlineData("2026-11-27T22:30:00Z", true)]
    [InlineData("2026-11-27T23:30:00Z", true)]
    [InlineData("2026-11-28T00:00:00Z", false)]
    [InlineData("2026-11-28T22:30:00Z", false)]
    public void Recurring_CrossesMidnight_OnTheDayItOpens(string instant, bool open)
    {
        var schedule = new RecurringSchedule(new TimeOnly(23, 0), TimeSpan.FromHours(2), [DayOfWeek.Friday], Amsterdam);

        Assert.Equal(open, schedule.OccurrenceAt(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)) is not null);
    }

    [Fact]
    public void Recurring_StartsAfterTheJump_WhenItsTimeIsSkippedBySpringForward()
    {
        // 2026-03-29: Amsterdam clocks go 02:00 -> 03:00, so 02:30 never happens; the window opens at 03:30 CEST.
        var schedule = new RecurringSchedule(new TimeOnly(2, 30), TimeSpan.FromMinutes(30), [], Amsterdam);

        var occurrence = schedule.OccurrenceAt(new DateTimeOffset(2026, 3, 29, 1, 45, 0, TimeSpan.Zero));

        Assert.NotNull(occurrence);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), occurrence.Start.ToUniversalTime());
        Assert.Equal(TimeSpan.FromMinutes(30), occurrence.End - occurrence.Start);
    }

    [Fact]
    public void Recurring_TakesTheFirstOccurrence_WhenItsTimeHappensTwiceAtFallBack()
    {
        // 2026-10-25: Amsterdam clocks go 03:00 -> 02:00, so 02:30 happens twice; the window opens at the first (CEST, 00:30 UTC).
        var schedule = new RecurringSchedule(new TimeOnly(2, 30), TimeSpan.FromMinutes(30), [], Amsterdam);

        var first = schedule.OccurrenceAt(new DateTimeOffset(2026, 10, 25, 0, 45, 0, TimeSpan.Zero));
        var second = schedule.OccurrenceAt(new DateTimeOffset(2026, 10, 25, 1, 45, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), first?.Start.ToUniversalTime());
        Assert.Null(second);
    }

    [Fact]
    public void OneOff_IsOpenBetweenItsLocalTimes_Only()
    {
        var schedule = new OneOffSchedule(new DateTime(2026, 12, 1, 22, 0, 0), new DateTime(2026, 12, 2, 2, 0, 0), Amsterdam);

        Assert.Null(schedule.OccurrenceAt(new DateTimeOffset(2026, 12, 1, 20, 59, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero), schedule.OccurrenceAt(new DateTimeOffset(2026, 12, 1, 21, 0, 0, TimeSpan.Zero))?.End.ToUniversalTime());
        Assert.Null(schedule.OccurrenceAt(new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void SilenceAt_IsTheOpenOccurrence_AndMatchesOnlyAlertsInScope()
    {
        var window = new MaintenanceWindow("shop-deploy", [new AlertMatcher("service", "shop")],
            new RecurringSchedule(new TimeOnly(2, 0), TimeSpan.FromMinutes(30), [], Amsterdam));
        var shop = new AlertDefinition { Key = "check:checkout", Name = "checkout failing", Source = AlertSource.Check, Service = "shop" };

        var silence = window.SilenceAt(new DateTimeOffset(2026, 11, 23, 1, 10, 0, TimeSpan.Zero));

        Assert.NotNull(silence);
        Assert.Equal(("maintenance:shop-deploy", new DateTimeOffset(2026, 11, 23, 1, 30, 0, TimeSpan.Zero)), (silence.Id, silence.EndsAt.ToUniversalTime()));
        Assert.True(silence.Matches(shop));
        Assert.False(silence.Matches(shop with { Service = "billing" }));
        Assert.Null(window.SilenceAt(new DateTimeOffset(2026, 11, 23, 1, 30, 0, TimeSpan.Zero)));
    }
}
