using System.Collections.Immutable;
using System.Globalization;
using Monitoring.Core.Alerting;
using Monitoring.Core.Routing;
using Monitoring.Core.Spec.Loading.Nodes;

namespace Monitoring.Core.Spec.Validation;

/// <summary>
/// Maps the <c>maintenance</c> list: each window's matchers and its schedule, either one-off
/// (<c>from</c>/<c>until</c>) or recurring (<c>at</c>/<c>for</c>, optional <c>days</c>), in a time zone.
/// </summary>
internal static class MaintenanceMapper
{
    /// <summary>The longest recurring window: longer ones are outages, not maintenance.</summary>
    public static readonly TimeSpan MaxRecurringLength = TimeSpan.FromDays(7);

    private static readonly string[] LocalDateTimeFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss"];

    /// <summary>The windows that are valid, in spec order.</summary>
    public static ImmutableArray<MaintenanceWindow> Map(SpecSequence? windows, SpecErrorList errors)
    {
        if (windows is null)
        {
            return [];
        }

        var path = SpecPath.Root.Field("maintenance");
        var result = ImmutableArray.CreateBuilder<MaintenanceWindow>();
        var firstByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < windows.Items.Length; i++)
        {
            var nameNode = (windows.Items[i] as SpecMapping)?.Find("name")?.Value as SpecScalar;
            var name = nameNode is { Kind: not ScalarKind.Null } ? nameNode.Text : null;
            var windowPath = path.Item(i, name);
            if (name is not null && !firstByName.TryAdd(name, i))
            {
                errors.Add(windowPath.Field("name"), nameNode, $"duplicate maintenance window name '{name}': {path.Item(firstByName[name], name)} already uses it");
            }

            if (MapOne(windows.Items[i], windowPath, errors) is { } window)
            {
                result.Add(window);
            }
        }

        return result.ToImmutable();
    }

    private static MaintenanceWindow? MapOne(SpecNode node, SpecPath path, SpecErrorList errors)
    {
        if (MappingReader.Open(node, path, errors, SpecFields.Maintenance) is not { } window)
        {
            return null;
        }

        var name = window.Name("name");
        if (!window.Has("name"))
        {
            window.ReportMissing("name");
        }

        var matchers = Matchers(window);
        var zone = CalendarReader.Zone(window, "timeZone");
        var schedule = Schedule(window, zone);
        return name is null || matchers is null || zone is null || schedule is null ? null : new MaintenanceWindow(name, matchers.Value, schedule);
    }

    private static ImmutableArray<AlertMatcher>? Matchers(MappingReader window)
    {
        if (!window.Has("match"))
        {
            window.ReportMissing("match");
            return null;
        }

        if (window.Map("match") is not { } match)
        {
            return null;
        }

        if (match.Entries.IsEmpty)
        {
            window.Errors.Add(window.PathOf("match"), match, "needs at least one matcher, e.g. { service: shop }: a window that mutes everything hides real outages");
            return null;
        }

        var matchers = ImmutableArray.CreateBuilder<AlertMatcher>();
        foreach (var entry in match.Entries)
        {
            if (ValueReader.Text(entry.Value, window.PathOf("match").Field(entry.Key), window.Errors) is { } value)
            {
                matchers.Add(new AlertMatcher(entry.Key, value));
            }
        }

        return matchers.Count == match.Entries.Length ? matchers.ToImmutable() : null;
    }

    private static MaintenanceSchedule? Schedule(MappingReader window, TimeZoneInfo? zone)
    {
        var oneOff = window.Has("from") || window.Has("until");
        var recurring = window.Has("at") || window.Has("for") || window.Has("days");
        if (oneOff == recurring)
        {
            window.Errors.Add(window.Path, window.Mapping, oneOff
                ? "give either from/until (one-off) or at/for/days (recurring), not both"
                : "needs a schedule: from/until for a one-off window, or at/for (and optional days) for a recurring one");
            return null;
        }

        return oneOff ? OneOff(window, zone) : Recurring(window, zone);
    }

    private static OneOffSchedule? OneOff(MappingReader window, TimeZoneInfo? zone)
    {
        var from = LocalDateTime(window, "from");
        var until = LocalDateTime(window, "until");
        if (from is { } start && until is { } end && end <= start)
        {
            window.Errors.Add(window.PathOf("until"), window.Node("until"), "must be after from");
            return null;
        }

        return from is null || until is null || zone is null ? null : new OneOffSchedule(from.Value, until.Value, zone);
    }

    private static RecurringSchedule? Recurring(MappingReader window, TimeZoneInfo? zone)
    {
        var at = CalendarReader.TimeOfDay(window, "at");
        var length = window.Duration("for");
        if (!window.Has("for"))
        {
            window.ReportMissing("for");
        }
        else if (length > MaxRecurringLength)
        {
            window.Errors.Add(window.PathOf("for"), window.Node("for"), $"must be at most {Durations.Format(MaxRecurringLength)}");
            length = null;
        }

        var days = CalendarReader.WeekDays(window, "days");
        return at is null || length is null || days is null || zone is null ? null : new RecurringSchedule(at.Value, length.Value, days, zone);
    }

    private static DateTime? LocalDateTime(MappingReader window, string key)
    {
        if (!window.Has(key))
        {
            window.ReportMissing(key);
            return null;
        }

        var text = window.Text(key);
        if (text is null)
        {
            return null;
        }

        if (DateTime.TryParseExact(text, LocalDateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return value;
        }

        window.Errors.Add(window.PathOf(key), window.Node(key), $"'{text}' is not a local date and time: use yyyy-MM-dd HH:mm (the window's timeZone applies)");
        return null;
    }
}
