using Monitoring.Core.Slo;
using Xunit;

namespace Monitoring.Core.Tests.Slo;

public sealed class SloMathTests
{
    [Theory]
    // (bad / total) / (1 − objective)
    [InlineData(1000, 1000, 0.001, 0)]
    [InlineData(999, 1000, 0.001, 1)]
    [InlineData(0, 1000, 0.001, 1000)]
    [InlineData(9856, 10000, 0.001, 14.4)]
    [InlineData(59, 60, 0.001, 16.666666666666668)]
    [InlineData(95, 100, 0.01, 5)]
    public void BurnRate_IsBadShareOverBudget_WhenWindowHasEvents(long good, long total, double budget, double expected)
    {
        Assert.Equal(expected, SloMath.BurnRate(new WindowCounts(good, total), budget)!.Value, 9);
    }

    [Fact]
    public void EveryRatio_IsNull_WhenWindowIsEmpty()
    {
        Assert.Null(SloMath.BurnRate(WindowCounts.Empty, 0.001));
        Assert.Null(SloMath.Attainment(WindowCounts.Empty));
        Assert.Null(SloMath.BudgetRemaining(WindowCounts.Empty, 0.001));
    }

    [Theory]
    // 100 with no bad events, 0 at exactly the budget, negative beyond it.
    [InlineData(43200, 43200, 0.001, 100, 100)]
    [InlineData(43157, 43200, 0.001, 99.90046296296296, 0.46296296296296)]
    [InlineData(43178, 43200, 0.001, 99.94907407407408, 49.07407407407408)]
    [InlineData(999, 1000, 0.001, 99.9, 0)]
    [InlineData(998, 1000, 0.001, 99.8, -100)]
    [InlineData(990, 1000, 0.01, 99, 0)]
    public void AttainmentAndBudgetRemaining_FollowTheBadShare(long good, long total, double budget, double attainment, double remaining)
    {
        var counts = new WindowCounts(good, total);

        Assert.Equal(attainment, SloMath.Attainment(counts)!.Value, 9);
        Assert.Equal(remaining, SloMath.BudgetRemaining(counts, budget)!.Value, 6);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-0.1)]
    public void BurnRate_Throws_WhenBudgetIsNotAFraction(double budget)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => SloMath.BurnRate(new WindowCounts(1, 2), budget));

        Assert.StartsWith("The error budget must be a fraction greater than 0 and less than 1.", exception.Message, StringComparison.Ordinal);
    }
}
