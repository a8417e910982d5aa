using System.Globalization;
using System.Text.RegularExpressions;

namespace Monitoring.Functions.DataSources;

/// <summary>The timestamp forms the data sources accept from text and numbers.</summary>
internal static partial class Timestamps
{
    /// <summary>
    /// Parses an ISO 8601 date and time that states its offset (<c>Z</c>, <c>+02:00</c>, <c>-0500</c>), as UTC. Text
    /// without an offset is refused: which zone it meant cannot be known.
    /// </summary>
    public static bool TryParseIso(string text, out DateTimeOffset value)
    {
        value = default;
        return IsoWithOffset().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out value);
    }

    /// <summary>A Unix time: seconds, or milliseconds when above <paramref name="millisecondsThreshold"/>; false when out of range.</summary>
    public static bool TryFromUnix(double number, double millisecondsThreshold, out DateTimeOffset value)
    {
        value = default;
        var seconds = Math.Abs(number) > millisecondsThreshold ? number / 1000 : number;
        var ticks = seconds * TimeSpan.TicksPerSecond;
        var min = (DateTimeOffset.MinValue - DateTimeOffset.UnixEpoch).Ticks;
        var max = (DateTimeOffset.MaxValue - DateTimeOffset.UnixEpoch).Ticks;
        if (double.IsNaN(ticks) || ticks < min || ticks > max)
        {
            return false;
        }

        value = DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(ticks));
        return true;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}([.,]\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IsoWithOffset();
}
