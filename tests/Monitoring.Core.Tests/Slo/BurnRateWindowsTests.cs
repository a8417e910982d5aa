using Monitoring.Core.Slo;
using Xunit;

namespace Monitoring.Core.Tests.Slo;

public sealed class BurnRateWindowsTests
{
    [Theory]
    // SRE Workbook ch. 5, table 5-8, for a 30-day period.
    [InlineData(0, BurnRateSeverity.Page, "01:00:00", "00:05:00", 14.4)]
    [InlineData(1, BurnRateSeverity.Page, "06:00:00", "00:30:00", 6)]
    [InlineData(2, BurnRateSeverity.Ticket, "1.00:00:00", "02:00:00", 3)]
    [InlineData(3, BurnRateSeverity.Ticket, "3.00:00:00", "06:00:00", 1)]
    public void ForPeriod_GivesTheWorkbookPairs_WhenPeriodIs30Days(int index, BurnRateSeverity severity, string longWindow, string shortWindow, double factor)
    {
        var pair = BurnRateWindows.ForPeriod(TimeSpan.FromDays(30))[index];

        Assert.Equal(severity, pair.Severity);
        Assert.Equal(TimeSpan.Parse(longWindow, System.Globalization.CultureInfo.InvariantCulture), pair.LongWindow);
        Assert.Equal(TimeSpan.Parse(shortWindow, System.Globalization.CultureInfo.InvariantCulture), pair.ShortWindow);
        Assert.Equal(factor, pair.Factor, 12);
    }

    [Theory]
    // Windows shrink with the period; the factors stay.
    [InlineData(28, 0, "00:56:00", "00:04:40")]
    [InlineData(28, 3, "2.19:12:00", "05:36:00")]
    [InlineData(7, 0, "00:14:00", "00:01:10")]
    [InlineData(7, 1, "01:24:00", "00:07:00")]
    [InlineData(7, 2, "05:36:00", "00:28:00")]
    [InlineData(7, 3, "16:48:00", "01:24:00")]
    public void ForPeriod_ScalesWindowsInProportion_AndKeepsFactors(int days, int index, string longWindow, string shortWindow)
    {
        var pair = BurnRateWindows.ForPeriod(TimeSpan.FromDays(days))[index];
        var thirtyDay = BurnRateWindows.ForPeriod(TimeSpan.FromDays(30))[index];

        Assert.Equal(TimeSpan.Parse(longWindow, System.Globalization.CultureInfo.InvariantCulture), pair.LongWindow);
        Assert.Equal(TimeSpan.Parse(shortWindow, System.Globalization.CultureInfo.InvariantCulture), pair.ShortWindow);
        Assert.Equal(thirtyDay.Factor, pair.Factor);
        // The factor formula gives the same number on the scaled windows.
        Assert.Equal(thirtyDay.Factor, SloMath.Factor(index switch { 0 => 2, 1 => 5, _ => 10 }, TimeSpan.FromDays(days), pair.LongWindow), 9);
    }

    [Fact]
    public void ForPeriod_Throws_WhenPeriodIsNotSupported()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => BurnRateWindows.ForPeriod(TimeSpan.FromDays(14)));

        Assert.StartsWith("The SLO period must be 7, 28 or 30 days.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TablePeriod_Is30Days_AsTheResourceSays() => Assert.Equal(TimeSpan.FromDays(30), BurnRateWindows.TablePeriod);
}
