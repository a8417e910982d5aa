using System.Collections.Immutable;
using System.Globalization;

namespace Monitoring.Core.Spec.Validation;

/// <summary>
/// Reads the calendar fields that maintenance windows and data-check deadlines share: an IANA time zone, a time of day
/// and weekday names, so both sections accept and reject exactly the same text.
/// </summary>
internal static class CalendarReader
{
    /// <summary>The day names the spec accepts (any case), Monday first.</summary>
    public static ImmutableArray<string> DayNames { get; } = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    private static readonly string DayList = string.Join(", ", DayNames[..^1]) + " or " + DayNames[^1];

    private static readonly ImmutableDictionary<string, DayOfWeek> Days = new Dictionary<string, DayOfWeek>(StringComparer.OrdinalIgnoreCase)
    {
        ["mon"] = DayOfWeek.Monday, ["tue"] = DayOfWeek.Tuesday, ["wed"] = DayOfWeek.Wednesday, ["thu"] = DayOfWeek.Thursday,
        ["fri"] = DayOfWeek.Friday, ["sat"] = DayOfWeek.Saturday, ["sun"] = DayOfWeek.Sunday,
    }.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The zone named by <paramref name="key"/>: UTC when absent, null (after reporting) when not a time zone.</summary>
    public static TimeZoneInfo? Zone(MappingReader section, string key)
    {
        var id = section.Text(key);
        if (id is null)
        {
            return section.Has(key) ? null : TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            section.Errors.Add(section.PathOf(key), section.Node(key), $"'{id}' is not a time zone: use an IANA name such as Europe/Amsterdam or UTC");
            return null;
        }
    }

    /// <summary>A required time of day written HH:mm, or null after reporting it missing or malformed.</summary>
    public static TimeOnly? TimeOfDay(MappingReader section, string key)
    {
        if (!section.Has(key))
        {
            section.ReportMissing(key);
            return null;
        }

        if (section.Text(key) is not { } text)
        {
            return null;
        }

        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return parsed;
        }

        section.Errors.Add(section.PathOf(key), section.Node(key), $"'{text}' is not a time of day: use HH:mm, e.g. 02:00");
        return null;
    }

    /// <summary>The weekdays listed under <paramref name="key"/>: empty (every day) when absent, null after reporting a wrong one.</summary>
    public static ImmutableHashSet<DayOfWeek>? WeekDays(MappingReader section, string key)
    {
        if (!section.Has(key))
        {
            return [];
        }

        if (section.List(key) is not { } list)
        {
            return null;
        }

        var days = ImmutableHashSet.CreateBuilder<DayOfWeek>();
        var valid = true;
        for (var i = 0; i < list.Items.Length; i++)
        {
            var text = ValueReader.Text(list.Items[i], section.PathOf(key).Item(i, null), section.Errors);
            if (text is not null && Days.TryGetValue(text, out var day))
            {
                days.Add(day);
            }
            else
            {
                if (text is not null)
                {
                    section.Errors.Add(section.PathOf(key).Item(i, null), list.Items[i], $"'{text}' is not a day: use {DayList}");
                }

                valid = false;
            }
        }

        return valid ? days.ToImmutable() : null;
    }
}
