using System.Collections.Immutable;
using Monitoring.Core.Checks;
using Monitoring.Core.DataChecks;
using Monitoring.Core.Spec;
using Xunit;
using static Monitoring.Core.Tests.DataChecks.DataCheckFixtures;

namespace Monitoring.Core.Tests.DataChecks;

public sealed class FreshnessRuleTests
{
    private static readonly DateTimeOffset Now = Utc("2026-11-23T10:00:00Z");

    private static readonly ImmutableHashSet<DayOfWeek> Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    [Theory]
    // Max age 15m, warn past 10m: minutes since the update -> outcome. Reaching a limit is not exceeding it.
    [InlineData(5, CheckOutcome.Healthy)]
    [InlineData(10, CheckOutcome.Healthy)]
    [InlineData(12, CheckOutcome.Degraded)]
    [InlineData(15, CheckOutcome.Degraded)]
    [InlineData(16, CheckOutcome.Failed)]
    [InlineData(600, CheckOutcome.Failed)]
    public void Evaluate_FailsPastTheMaxAge_AndWarnsPastWarnAfter(int minutesAgo, CheckOutcome outcome)
    {
        var check = Check(Rules(freshness: new FreshnessRuleSpec(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(10), null, null)));
        var updated = Now.AddMinutes(-minutesAgo);

        var result = Freshness(check, Now, updated);

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(updated, result.LastUpdated);
        Assert.Equal(minutesAgo, result.AgeMinutes);
        Assert.Equal("age <= 15m (warn past 10m)", result.Expected);
    }

    [Fact]
    public void Evaluate_SummarisesTheAgeAndTheLimitItPassed()
    {
        var check = Check(Rules(freshness: new FreshnessRuleSpec(TimeSpan.FromMinutes(15), null, null, null)));

        var stale = Freshness(check, Now, Now.AddMinutes(-42).AddSeconds(-13.5));
        var fresh = Freshness(check, Now, Now.AddMinutes(-3));

        Assert.Equal("orders last updated 42m13s ago (2026-11-23 09:17:46Z): older than 15m.", stale.Summary);
        Assert.Equal("orders last updated 3m ago (2026-11-23 09:57:00Z).", fresh.Summary);
        Assert.Equal("age <= 15m", fresh.Expected);
    }

    [Fact]
    public void Evaluate_FailsWithoutData()
    {
        var check = Check(Rules(freshness: new FreshnessRuleSpec(TimeSpan.FromMinutes(15), null, null, null)));

        var result = Freshness(check, Now, null);

        Assert.Equal(CheckOutcome.Failed, result.Outcome);
        Assert.Equal("orders has no data.", result.Summary);
        Assert.Null(result.LastUpdated);
        Assert.Null(result.AgeMinutes);
    }

    [Fact]
    public void Evaluate_TakesAnUpdateAheadOfTheClock_AsJustNow()
    {
        var check = Check(Rules(freshness: new FreshnessRuleSpec(TimeSpan.FromMinutes(15), null, null, null)));

        var result = Freshness(check, Now, Now.AddMinutes(2));

        Assert.Equal(CheckOutcome.Healthy, result.Outcome);
        Assert.Equal(0, result.AgeMinutes);
    }

    [Theory]
    // Landed by 06:00 Monday to Friday, London in winter (GMT, so local is UTC). 2026-11-27 is a Friday.
    // now, last updated -> outcome
    [InlineData("2026-11-27T05:59:00Z", "2026-11-26T07:00:00Z", CheckOutcome.Healthy)]   // Friday's deadline not yet passed: Thursday's holds
    [InlineData("2026-11-27T06:00:00Z", "2026-11-26T07:00:00Z", CheckOutcome.Failed)]    // Friday 06:00 passed, nothing since Friday midnight
    [InlineData("2026-11-27T06:00:00Z", "2026-11-27T00:00:00Z", CheckOutcome.Healthy)]   // midnight itself counts as Friday
    [InlineData("2026-11-28T10:00:00Z", "2026-11-27T05:00:00Z", CheckOutcome.Healthy)]   // Saturday: no deadline, Friday's landing holds
    [InlineData("2026-11-29T23:00:00Z", "2026-11-27T05:00:00Z", CheckOutcome.Healthy)]   // Sunday night too
    [InlineData("2026-11-30T05:00:00Z", "2026-11-27T05:00:00Z", CheckOutcome.Healthy)]   // Monday before 06:00
    [InlineData("2026-11-30T06:30:00Z", "2026-11-27T05:00:00Z", CheckOutcome.Failed)]    // Monday's landing is late
    [InlineData("2026-11-28T10:00:00Z", "2026-11-26T23:59:00Z", CheckOutcome.Failed)]    // Friday's miss still shows on Saturday
    public void Evaluate_HoldsTheLatestPassedDeadline_OnItsWeekdaysOnly(string now, string updated, CheckOutcome outcome)
    {
        var check = Check(Rules(freshness: new FreshnessRuleSpec(null, null, new FreshnessDeadline(new TimeOnly(6, 0), Weekdays, London), null)), London);

        var result = Freshness(check, Utc(now), Utc(updated));

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal("landed by 06:00 Mon–Fri Europe/London", result.Expected);
    }

    [Fact]
    public void Evaluate_NamesTheMissedDay_InTheSummary()
    {
        var check = Check(Rules(freshness: new FreshnessRuleSpec(null, null, new FreshnessDeadline(new TimeOnly(6, 0), Weekdays, London), null)), London);

        var result = Freshness(check, Utc("2026-11-30T06:30:00Z"), Utc("2026-11-27T05:00:00Z"));

        Assert.Equal("orders last updated 3d1h30m ago (2026-11-27 05:00:00Z): not landed on Mon 2026-11-30 by 06:00 Europe/London.", result.Summary);
        Assert.Equal(Utc("2026-11-30T06:00:00Z"), Detail<DateTimeOffset>(result, "deadline"));
    }

    [Theory]
    // Every day at 06:00 local. Tokyo (UTC+9): 06:00 on the 24th is 21:00 UTC on the 23rd, and the 24th began at 15:00 UTC.
    [InlineData("Asia/Tokyo", "2026-11-23T20:59:00Z", "2026-11-23T14:30:00Z", CheckOutcome.Healthy)]
    [InlineData("Asia/Tokyo", "2026-11-23T21:00:00Z", "2026-11-23T14:30:00Z", CheckOutcome.Failed)]
    [InlineData("Asia/Tokyo", "2026-11-23T21:00:00Z", "2026-11-23T15:00:00Z", CheckOutcome.Healthy)]
    // New York (UTC−5 in November): 06:00 is 11:00 UTC and the day begins at 05:00 UTC.
    [InlineData("America/New_York", "2026-11-23T10:59:00Z", "2026-11-22T12:00:00Z", CheckOutcome.Healthy)]
    [InlineData("America/New_York", "2026-11-23T11:00:00Z", "2026-11-23T04:59:00Z", CheckOutcome.Failed)]
    [InlineData("America/New_York", "2026-11-23T11:00:00Z", "2026-11-23T05:00:00Z", CheckOutcome.Healthy)]
    public void Evaluate_ReadsTheDeadlineInItsZone(string zone, string now, string updated, CheckOutcome outcome)
    {
        var local = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var check = Check(Rules(freshness: new FreshnessRuleSpec(null, null, new FreshnessDeadline(new TimeOnly(6, 0), [], local), null)), local);

        Assert.Equal(outcome, Freshness(check, Utc(now), Utc(updated)).Outcome);
    }

    [Theory]
    // London moved to BST at 01:00 UTC on Sunday 29 March 2026. On Monday 30 March, 06:00 local is 05:00 UTC and the
    // day began at 23:00 UTC on Sunday; a clock that kept GMT would wait until 06:00 UTC and count from midnight UTC.
    [InlineData("2026-03-30T05:30:00Z", "2026-03-29T23:30:00Z", CheckOutcome.Healthy)]
    [InlineData("2026-03-30T05:30:00Z", "2026-03-29T22:30:00Z", CheckOutcome.Failed)]
    [InlineData("2026-03-30T04:59:00Z", "2026-03-29T22:30:00Z", CheckOutcome.Healthy)]
    public void Evaluate_FollowsTheZoneAcrossADstChange(string now, string updated, CheckOutcome outcome)
    {
        var check = Check(Rules(freshness: new FreshnessRuleSpec(null, null, new FreshnessDeadline(new TimeOnly(6, 0), [], London), null)), London);

        Assert.Equal(outcome, Freshness(check, Utc(now), Utc(updated)).Outcome);
    }

    [Theory]
    // 01:30 does not exist in London on 29 March 2026 (01:00 GMT jumps to 02:00 BST): it moves on by the hour lost to
    // 02:30 BST, 01:30 UTC. On 25 October 2026 it happens twice (00:30 and 01:30 UTC): the first counts.
    // now -> the deadline that holds, and the local midnight it counts from
    [InlineData("2026-03-29T01:29:00Z", "2026-03-28T01:30:00Z", "2026-03-28T00:00:00Z")]
    [InlineData("2026-03-29T01:30:00Z", "2026-03-29T01:30:00Z", "2026-03-29T00:00:00Z")]
    [InlineData("2026-10-25T00:29:00Z", "2026-10-24T00:30:00Z", "2026-10-23T23:00:00Z")]
    [InlineData("2026-10-25T00:30:00Z", "2026-10-25T00:30:00Z", "2026-10-24T23:00:00Z")]
    [InlineData("2026-10-25T01:45:00Z", "2026-10-25T00:30:00Z", "2026-10-24T23:00:00Z")]
    public void LatestPassed_ResolvesSkippedAndRepeatedLocalTimes(string now, string deadline, string dayStart)
    {
        var due = FreshnessDeadlines.LatestPassed(new FreshnessDeadline(new TimeOnly(1, 30), [], London), Utc(now));

        Assert.Equal((Utc(deadline), Utc(dayStart)), (due!.Deadline, due.DayStart));
    }

    [Fact]
    public void LatestPassed_LooksBackAWholeWeek_ForASingleWeekday()
    {
        // Mondays only: on Monday 30 November at 05:00, before that day's deadline, the one a week earlier holds.
        var due = FreshnessDeadlines.LatestPassed(new FreshnessDeadline(new TimeOnly(6, 0), [DayOfWeek.Monday], TimeZoneInfo.Utc), Utc("2026-11-30T05:00:00Z"));

        Assert.Equal(new DateOnly(2026, 11, 23), due!.Day);
        Assert.Equal(Utc("2026-11-23T06:00:00Z"), due.Deadline);
    }

    [Theory]
    // Max age 2d, warn past 1d, and a daily 06:00 UTC deadline: the worse verdict wins.
    [InlineData("2026-11-23T07:00:00Z", CheckOutcome.Healthy)]    // landed today, an hour old
    [InlineData("2026-11-22T20:00:00Z", CheckOutcome.Failed)]     // young enough, but not landed today
    [InlineData("2026-11-21T12:00:00Z", CheckOutcome.Failed)]     // too old as well
    public void Evaluate_TakesTheWorseOfAgeAndDeadline(string updated, CheckOutcome outcome)
    {
        var rule = new FreshnessRuleSpec(TimeSpan.FromDays(2), TimeSpan.FromDays(1), new FreshnessDeadline(new TimeOnly(6, 0), [], TimeZoneInfo.Utc), null);

        var result = Freshness(Check(Rules(freshness: rule)), Now, Utc(updated));

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal("age <= 2d (warn past 1d), landed by 06:00 every day UTC", result.Expected);
    }

    [Fact]
    public void Evaluate_WarnsOnAge_WhenTheDeadlineIsKept()
    {
        var rule = new FreshnessRuleSpec(TimeSpan.FromHours(12), TimeSpan.FromHours(2), new FreshnessDeadline(new TimeOnly(6, 0), [], TimeZoneInfo.Utc), null);

        var result = Freshness(Check(Rules(freshness: rule)), Now, Utc("2026-11-23T05:00:00Z"));

        Assert.Equal(CheckOutcome.Degraded, result.Outcome);
        Assert.Equal("orders last updated 5h ago (2026-11-23 05:00:00Z): older than 2h, when it warns.", result.Summary);
    }

    [Theory]
    [InlineData(new[] { DayOfWeek.Saturday, DayOfWeek.Sunday }, "Sat, Sun")]
    [InlineData(new[] { DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }, "Mon, Wed–Fri")]
    [InlineData(new[] { DayOfWeek.Sunday }, "Sun")]
    [InlineData(new[] { DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday }, "every day")]
    public void Expected_WritesTheDeadlineDays_AsAPersonWould(DayOfWeek[] days, string written)
    {
        var rule = new FreshnessRuleSpec(null, null, new FreshnessDeadline(new TimeOnly(6, 0), [.. days], Tokyo), null);

        Assert.Equal($"landed by 06:00 {written} Asia/Tokyo", Freshness(Check(Rules(freshness: rule)), Now, Now).Expected);
    }

    private static DataRuleResult Freshness(DataCheckSpec check, DateTimeOffset now, DateTimeOffset? updated) =>
        Evaluate(check, now, DataObservation.Empty with { LastUpdated = updated }).Find(DataRuleKinds.Freshness)!;
}
