using System.Globalization;

namespace Monitoring.Functions.DataSources;

/// <summary>Short duration text for messages: whole seconds as "30 s", anything else in milliseconds.</summary>
internal static class Durations
{
    public static string Text(TimeSpan duration) =>
        duration.Ticks % TimeSpan.TicksPerSecond == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{(long)duration.TotalSeconds} s")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Round(duration.TotalMilliseconds)} ms");
}
