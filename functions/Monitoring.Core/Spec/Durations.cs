using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Monitoring.Core.Spec;

/// <summary>Reads and writes spec durations such as <c>500ms</c>, <c>30s</c>, <c>1m30s</c>, <c>2h</c> and <c>1d</c>.</summary>
public static partial class Durations
{
    /// <summary>
    /// The duration syntax: whole numbers with units, largest unit first, each unit at most once.
    /// Shared with the JSON Schema (ECMAScript regex), so it avoids .NET-only constructs.
    /// </summary>
    internal const string Pattern = "^(?=[0-9])([0-9]+d)?([0-9]+h)?([0-9]+m(?!s))?([0-9]+s)?([0-9]+ms)?$";

    /// <summary>Parses a duration. Bare numbers are not durations: a unit is required.</summary>
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var match = DurationRegex().Match(text);
        // .NET's '$' also matches before a final newline; the whole text must be the duration.
        if (!match.Success || match.Length != text.Length)
        {
            return false;
        }

        var total = TimeSpan.Zero;
        try
        {
            total = checked(
                Part(match.Groups[1], 'd', TimeSpan.TicksPerDay)
                + Part(match.Groups[2], 'h', TimeSpan.TicksPerHour)
                + Part(match.Groups[3], 'm', TimeSpan.TicksPerMinute)
                + Part(match.Groups[4], 's', TimeSpan.TicksPerSecond)
                + Part(match.Groups[5], 'm', TimeSpan.TicksPerMillisecond));
        }
        catch (OverflowException)
        {
            return false;
        }

        value = total;
        return true;
    }

    /// <summary>Writes a duration in the spec syntax, e.g. <c>1m30s</c>; parts smaller than a millisecond are dropped.</summary>
    public static string Format(TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            return "-" + Format(value.Duration());
        }

        var builder = new StringBuilder();
        Append(builder, value.Days, "d");
        Append(builder, value.Hours, "h");
        Append(builder, value.Minutes, "m");
        Append(builder, value.Seconds, "s");
        Append(builder, value.Milliseconds, "ms");
        return builder.Length == 0 ? "0s" : builder.ToString();
    }

    private static TimeSpan Part(Group group, char unit, long ticksPerUnit)
    {
        if (!group.Success)
        {
            return TimeSpan.Zero;
        }

        var digits = group.Value[..group.Value.IndexOf(unit, StringComparison.Ordinal)];
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > TimeSpan.MaxValue.Ticks / ticksPerUnit)
        {
            throw new OverflowException();
        }

        return TimeSpan.FromTicks(count * ticksPerUnit);
    }

    private static void Append(StringBuilder builder, int count, string unit)
    {
        if (count != 0)
        {
            builder.Append(count.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex DurationRegex();
}
