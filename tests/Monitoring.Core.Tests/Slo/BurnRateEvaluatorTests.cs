using System.Collections.Immutable;
using Monitoring.Core.Slo;
using Xunit;

namespace Monitoring.Core.Tests.Slo;

public sealed class BurnRateEvaluatorTests
{
    private static readonly BurnRateWindowPair FastPage = BurnRateWindows.ForPeriod(TimeSpan.FromDays(30))[0];

    [Theory]
    // (long good/total), (short good/total): the 1h/5m pair at 99.9% needs both burn rates above 14.4.
    [InlineData(1000, 1000, 100, 100, false, false, "a clean history")]
    [InlineData(900, 1000, 100, 100, false, false, "only the long window burns (the incident is over)")]
    [InlineData(1000, 1000, 50, 100, false, false, "only the short window burns (a fresh blip)")]
    [InlineData(985, 1000, 98, 100, true, true, "both burn above 14.4")]
    [InlineData(9856, 10000, 98, 100, false, false, "the long window burns at exactly 14.4, which does not exceed it")]
    [InlineData(0, 0, 0, 0, false, false, "both windows are empty: no data, never a burn")]
    [InlineData(0, 0, 0, 10, false, false, "the long window is empty")]
    [InlineData(0, 10, 0, 0, false, false, "the short window is empty")]
    public void EvaluatePair_FiresOnlyWhenBothWindowsExceedTheFactor(long longGood, long longTotal, long shortGood, long shortTotal, bool burning, bool firing, string @case)
    {
        var result = BurnRateEvaluator.EvaluatePair(FastPage, new(longGood, longTotal), new(shortGood, shortTotal), 0.001, minBadEvents: 1);

        Assert.True(burning == result.Burning, @case);
        Assert.True(firing == result.Firing, @case);
        Assert.Equal(longTotal == 0 || shortTotal == 0, result.NoData);
    }

    [Theory]
    // One check per minute: a single failed run is 1/60 = 1.7% of the hour, above 1.44%.
    [InlineData(1, 1, true)]
    [InlineData(2, 1, false)]
    [InlineData(2, 2, true)]
    [InlineData(3, 2, false)]
    public void EvaluatePair_HoldsBackThinBurns_UntilBothWindowsHoldMinBadEvents(int minBadEvents, int badRuns, bool firing)
    {
        var result = BurnRateEvaluator.EvaluatePair(FastPage, new(60 - badRuns, 60), new(5 - badRuns, 5), 0.001, minBadEvents);

        Assert.True(result.Burning);
        Assert.Equal(firing, result.Firing);
        Assert.Equal(!firing, result.HeldByMinBadEvents);
    }

    [Fact]
    public void Evaluate_ReportsAttainmentBudgetAndBurnRates_FromTheWindows()
    {
        var slo = SloFixtures.Checkout;
        var counts = new SliWindowCounts(slo.Name, BurnRateEvaluator.WindowsFor([slo]).ToImmutableDictionary(w => w, w => w switch
        {
            _ when w == TimeSpan.FromDays(30) => new WindowCounts(43178, 43200),
            _ when w == TimeSpan.FromMinutes(5) => new WindowCounts(5, 5),
            _ => new WindowCounts((long)w.TotalMinutes - 1, (long)w.TotalMinutes),
        }));

        var status = BurnRateEvaluator.Evaluate(slo, counts, SloFixtures.Start);

        Assert.Equal(99.94907407407408, status.Attainment!.Value, 9);
        Assert.Equal(49.07407407407408, status.BudgetRemaining!.Value, 6);
        Assert.Equal(0, status.BurnRates[TimeSpan.FromMinutes(5)]!.Value, 9);
        Assert.Equal(1000.0 / 30, status.BurnRates[TimeSpan.FromMinutes(30)]!.Value, 9);
        Assert.Equal(1000.0 / 60, status.BurnRates[TimeSpan.FromHours(1)]!.Value, 9);
        Assert.Equal(SloAlertState.None, status.AlertState);
        Assert.False(status.NoData);
        Assert.Null(status.NotEvaluableReason);
    }

    [Fact]
    public void Evaluate_PagesOverTickets_WhenBothKindsFire()
    {
        var slo = SloFixtures.Checkout;
        var counts = new SliWindowCounts(slo.Name, BurnRateEvaluator.WindowsFor([slo]).ToImmutableDictionary(w => w, w => new WindowCounts(0, 100)));

        var status = BurnRateEvaluator.Evaluate(slo, counts, SloFixtures.Start);

        Assert.All(status.Pairs, p => Assert.True(p.Firing));
        Assert.Equal(SloAlertState.Page, status.AlertState);
        Assert.Equal(-99900, status.BudgetRemaining!.Value, 6);
    }

    [Fact]
    public void Evaluate_ReportsNoDataAndNoAlert_WhenNothingRan()
    {
        var slo = SloFixtures.Checkout;
        var counts = new SliWindowCounts(slo.Name, ImmutableDictionary<TimeSpan, WindowCounts>.Empty);

        var status = BurnRateEvaluator.Evaluate(slo, counts, SloFixtures.Start);

        Assert.True(status.NoData);
        Assert.Equal(SloAlertState.None, status.AlertState);
        Assert.Null(status.Attainment);
        Assert.Null(status.BudgetRemaining);
        Assert.All(status.BurnRates.Values, Assert.Null);
        Assert.All(status.Pairs, p => Assert.True(p.NoData));
    }

    [Fact]
    public void Evaluate_PassesTheReasonOn_WhenTheSliIsNotEvaluable()
    {
        var status = BurnRateEvaluator.Evaluate(SloFixtures.Checkout, SliWindowCounts.NotEvaluable("checkout-availability", "custom KQL is evaluated in Azure only"), SloFixtures.Start);

        Assert.Equal("custom KQL is evaluated in Azure only", status.NotEvaluableReason);
        Assert.Equal(SloAlertState.None, status.AlertState);
        Assert.False(status.NoData);
        Assert.Empty(status.Pairs);
    }

    [Fact]
    public void WindowsFor_ListsPeriodsPairsAndReportedWindows_ShortestFirst()
    {
        var weekly = SloFixtures.Checkout with { Period = TimeSpan.FromDays(7), Alerting = SloFixtures.Checkout.Alerting with { Windows = BurnRateWindows.ForPeriod(TimeSpan.FromDays(7)) } };

        var windows = BurnRateEvaluator.WindowsFor([SloFixtures.Checkout, weekly]);

        Assert.Equal(windows.Order(), windows);
        Assert.Contains(TimeSpan.FromSeconds(70), windows);
        Assert.Contains(TimeSpan.FromDays(7), windows);
        Assert.Contains(TimeSpan.FromDays(30), windows);
        Assert.Equal(windows.Length, windows.Distinct().Count());
        Assert.Superset(BurnRateWindows.ReportedWindows.ToHashSet(), windows.ToHashSet());
    }
}
