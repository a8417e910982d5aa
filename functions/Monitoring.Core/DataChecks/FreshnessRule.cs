using System.Collections.Immutable;
using System.Globalization;
using Monitoring.Core.Checks;
using Monitoring.Core.Routing;
using Monitoring.Core.Spec;

namespace Monitoring.Core.DataChecks;

/// <summary>One passed occurrence of a daily landing deadline.</summary>
/// <param name="Day">The local day it belongs to.</param>
/// <param name="Deadline">When it passed.</param>
/// <param name="DayStart">The local midnight of <paramref name="Day"/>: data updated at or after this landed that day.</param>
public sealed record DeadlineOccurrence(DateOnly Day, DateTimeOffset Deadline, DateTimeOffset DayStart);

/// <summary>Which occurrence of a daily landing deadline applies at an instant.</summary>
public static class FreshnessDeadlines
{
    /// <summary>
    /// The latest occurrence of <paramref name="deadline"/> at or before <paramref name="now"/> on one of its days, or
    /// null when none passed in the last 8 local days (only possible with no days at all). Local times a DST change
    /// skips or repeats resolve as <see cref="MaintenanceSchedule.ToInstant"/> does: a skipped 02:30 is 03:30, a
    /// repeated one its first occurrence, so a deadline is never an hour late.
    /// </summary>
    public static DeadlineOccurrence? LatestPassed(FreshnessDeadline deadline, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, deadline.Zone).DateTime);

        // A week back always reaches an allowed day; one more covers a single allowed day whose deadline today has not passed yet.
        for (var back = 0; back <= 8; back++)
        {
            var day = today.AddDays(-back);
            if (!deadline.Days.IsEmpty && !deadline.Days.Contains(day.DayOfWeek))
            {
                continue;
            }

            var due = MaintenanceSchedule.ToInstant(day.ToDateTime(deadline.Time), deadline.Zone);
            if (due <= now)
            {
                return new DeadlineOccurrence(day, due, MaintenanceSchedule.ToInstant(day.ToDateTime(TimeOnly.MinValue), deadline.Zone));
            }
        }

        return null;
    }
}

/// <summary>The freshness rule: the data's age against its limits, and its landing against the daily deadline; the worst verdict wins.</summary>
internal static class FreshnessRule
{
    public static DataRuleResult Evaluate(DataCheckSpec check, FreshnessRuleSpec rule, DateTimeOffset now, DateTimeOffset? lastUpdated)
    {
        var expected = Expected(rule);
        var details = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
        if (rule.MaxAge is { } maxAge)
        {
            details["maxAgeMinutes"] = maxAge.TotalMinutes;
        }

        if (rule.WarnAfter is { } warnAfter)
        {
            details["warnAfterMinutes"] = warnAfter.TotalMinutes;
        }

        var due = rule.Deadline is { } deadline ? FreshnessDeadlines.LatestPassed(deadline, now) : null;
        if (due is not null)
        {
            details["deadline"] = due.Deadline;
            details["landedSince"] = due.DayStart;
        }

        if (lastUpdated is not { } updated)
        {
            return new DataRuleResult(DataRuleKinds.Freshness, CheckOutcome.Failed, $"{check.Dataset} has no data.", expected, Details: details.ToImmutable());
        }

        // A source clock ahead of ours makes the data look newer than now: it is fresh, not negatively old.
        var age = updated > now ? TimeSpan.Zero : now - updated;
        var outcome = CheckOutcome.Healthy;
        var problems = new List<string>();
        if (rule.MaxAge is { } limit && age > limit)
        {
            outcome = CheckOutcome.Failed;
            problems.Add($"older than {Durations.Format(limit)}");
        }
        else if (rule.WarnAfter is { } warn && age > warn)
        {
            outcome = CheckOutcome.Degraded;
            problems.Add($"older than {Durations.Format(warn)}, when it warns");
        }

        if (due is not null && updated < due.DayStart)
        {
            outcome = CheckOutcome.Failed;
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"not landed on {due.Day:ddd yyyy-MM-dd} by {Time(rule.Deadline!.Time)} {rule.Deadline.Zone.Id}"));
        }

        var summary = $"{check.Dataset} last updated {DataCheckText.Duration(age)} ago ({DataCheckText.Instant(updated)})"
            + (problems.Count == 0 ? "." : ": " + string.Join("; ", problems) + ".");
        return new DataRuleResult(DataRuleKinds.Freshness, outcome, summary, expected, updated, age.TotalMinutes, Details: details.ToImmutable());
    }

    /// <summary>E.g. "age &lt;= 15m (warn past 10m), landed by 06:00 Mon–Fri Europe/London".</summary>
    public static string Expected(FreshnessRuleSpec rule)
    {
        var parts = new List<string>();
        switch (rule.MaxAge, rule.WarnAfter)
        {
            case ({ } maxAge, { } warn):
                parts.Add($"age <= {Durations.Format(maxAge)} (warn past {Durations.Format(warn)})");
                break;
            case ({ } maxAge, null):
                parts.Add($"age <= {Durations.Format(maxAge)}");
                break;
            case (null, { } warn):
                parts.Add($"age <= {Durations.Format(warn)} (warn only)");
                break;
        }

        if (rule.Deadline is { } deadline)
        {
            parts.Add($"landed by {Time(deadline.Time)} {DataCheckText.Days(deadline.Days)} {deadline.Zone.Id}");
        }

        return string.Join(", ", parts);
    }

    private static string Time(TimeOnly time) => time.ToString(time.Second == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture);
}
