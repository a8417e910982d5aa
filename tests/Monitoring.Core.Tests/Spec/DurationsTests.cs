using Monitoring.Core.Spec;
using Xunit;

namespace Monitoring.Core.Tests.Spec;

public sealed class DurationsTests
{
    [Theory]
    // One unit
    [InlineData("500ms", 500)]
    [InlineData("30s", 30_000)]
    [InlineData("5m", 300_000)]
    [InlineData("2h", 7_200_000)]
    [InlineData("1d", 86_400_000)]
    [InlineData("0s", 0)]
    // Combinations, largest unit first
    [InlineData("1m30s", 90_000)]
    [InlineData("1h1m1s1ms", 3_661_001)]
    [InlineData("1d12h", 129_600_000)]
    [InlineData("90s", 90_000)]
    public void TryParse_ReadsTheDuration_WhenTextHasUnits(string text, long expectedMilliseconds)
    {
        Assert.True(Durations.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), value);
    }

    [Theory]
    // Bare numbers are not durations
    [InlineData("30")]
    [InlineData("0")]
    // Malformed
    [InlineData("")]
    [InlineData("s")]
    [InlineData("5x")]
    [InlineData("1.5s")]
    [InlineData("-5s")]
    [InlineData("30 s")]
    [InlineData(" 30s")]
    [InlineData("30s\n")]
    [InlineData("30S")]
    // Units out of order or repeated
    [InlineData("30s1m")]
    [InlineData("1m1m")]
    [InlineData("500ms1s")]
    // Too large for a TimeSpan
    [InlineData("99999999999999d")]
    public void TryParse_Refuses_WhenTextIsNotADuration(string text)
    {
        Assert.False(Durations.TryParse(text, out _));
    }

    [Theory]
    [InlineData(500, "500ms")]
    [InlineData(30_000, "30s")]
    [InlineData(90_000, "1m30s")]
    [InlineData(7_200_000, "2h")]
    [InlineData(86_400_000, "1d")]
    [InlineData(93_784_005, "1d2h3m4s5ms")]
    [InlineData(0, "0s")]
    [InlineData(-30_000, "-30s")]
    public void Format_WritesSpecSyntax_ForWholeMilliseconds(long milliseconds, string expected)
    {
        Assert.Equal(expected, Durations.Format(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Theory]
    [InlineData("1m30s")]
    [InlineData("1d2h3m4s5ms")]
    [InlineData("250ms")]
    public void Format_RoundTripsThroughTryParse_ForCanonicalText(string text)
    {
        Assert.True(Durations.TryParse(text, out var value));
        Assert.Equal(text, Durations.Format(value));
    }
}
