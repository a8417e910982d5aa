using System.Collections.Immutable;
using System.Globalization;
using Monitoring.Core.Spec;

namespace Monitoring.Core.DataChecks;

/// <summary>How data-check summaries and expectations write durations, instants, counts and weekdays.</summary>
internal static class DataCheckText
{
    // Monday first, as people read a working week.
    private static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>A duration in the spec syntax, to the whole second (an age of 42m13.5s reads 42m13s).</summary>
    public static string Duration(TimeSpan value) => Durations.Format(TimeSpan.FromSeconds(Math.Floor(value.TotalSeconds)));

    /// <summary>An instant in UTC, e.g. 2026-11-23 06:00:00Z.</summary>
    public static string Instant(DateTimeOffset value) => value.UtcDateTime.ToString("u", CultureInfo.InvariantCulture);

    /// <summary>A whole number without grouping, so it reads the same as the query that counted it.</summary>
    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A number to at most two decimals.</summary>
    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>"1 column" or "3 columns".</summary>
    public static string Plural(int count, string noun) => string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");

    /// <summary>
    /// The days a deadline applies: "every day" when none or all are given; runs of three or more consecutive days
    /// (Monday first) as a span, "Mon–Fri"; the rest listed, "Sat, Sun".
    /// </summary>
    public static string Days(ImmutableHashSet<DayOfWeek> days)
    {
        if (days.IsEmpty || days.Count == Week.Length)
        {
            return "every day";
        }

        var parts = new List<string>();
        var index = 0;
        while (index < Week.Length)
        {
            if (!days.Contains(Week[index]))
            {
                index++;
                continue;
            }

            var end = index;
            while (end + 1 < Week.Length && days.Contains(Week[end + 1]))
            {
                end++;
            }

            if (end - index >= 2)
            {
                parts.Add($"{Short(Week[index])}–{Short(Week[end])}");
            }
            else
            {
                parts.AddRange(Week[index..(end + 1)].Select(Short));
            }

            index = end + 1;
        }

        return string.Join(", ", parts);
    }

    private static string Short(DayOfWeek day) => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(day);
}
