using System.Globalization;
using Monitoring.Core.Slo;
using Monitoring.Core.Spec;
using Xunit;

namespace Monitoring.Core.Tests.Slo;

/// <summary>
/// ALERTING.md trap 1, measured: one check per minute, 0.02% random background failures, many seeded healthy months.
/// The figures are printed and copied into docs/ALERTING-QUALITY.md.
/// </summary>
public sealed class LowTrafficPolicyTests
{
    private const int MonthMinutes = 30 * 24 * 60;
    private const int WarmUpMinutes = 3 * 24 * 60;
    private const double BackgroundFailureRate = 0.0002;
    private const int Months = 1000;

    [Fact]
    public void FalsePagesPerHealthyMonth_DropBelowOne_WithTheMinBadEventsPolicy()
    {
        var without = MeanFalsePages(SloFixtures.WithMinBadEvents(1));
        var with = MeanFalsePages(SloFixtures.Checkout);

        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"False pages per healthy 30 days over {Months} seeded months at 1 check/min and 0.02% failures: without policy {without:0.000}, with minBadEvents 2 {with:0.000}"));
        Assert.InRange(without, 7, 10);
        Assert.True(with <= 0.1, string.Create(CultureInfo.InvariantCulture, $"with the policy: {with} false pages a month"));
    }

    [Theory]
    // A total outage at one check per minute pages at its second bad run with the policy, its first without.
    [InlineData(2, 2)]
    [InlineData(1, 1)]
    public void TotalOutage_PagesWithinTwoMinutes_AtOneCheckPerMinute(int minBadEvents, int expectedMinutes)
    {
        var history = new MinuteHistory([
            .. Enumerable.Repeat(new WindowCounts(1, 1), WarmUpMinutes),
            .. Enumerable.Repeat(new WindowCounts(0, 1), 10),
        ]);

        var first = history.Evaluate(SloFixtures.WithMinBadEvents(minBadEvents), WarmUpMinutes).First(e => e.Status.AlertState == SloAlertState.Page);

        Assert.Equal(expectedMinutes, first.Minute - WarmUpMinutes + 1);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, false)]
    public void OneFailedRun_PagesOnlyWithoutThePolicy(int minBadEvents, bool pages)
    {
        var history = new MinuteHistory([
            .. Enumerable.Repeat(new WindowCounts(1, 1), WarmUpMinutes),
            new WindowCounts(0, 1),
            .. Enumerable.Repeat(new WindowCounts(1, 1), 60),
        ]);

        var paged = history.Evaluate(SloFixtures.WithMinBadEvents(minBadEvents), WarmUpMinutes).Any(e => e.Status.AlertState == SloAlertState.Page);

        Assert.Equal(pages, paged);
    }

    private static double MeanFalsePages(SloSpec slo)
    {
        var total = 0;
        for (var seed = 1; seed <= Months; seed++)
        {
            total += FalsePages(slo, seed);
        }

        return (double)total / Months;
    }

    /// <summary>Pages that start within the 30 days after a warm-up, for one seeded healthy month.</summary>
    private static int FalsePages(SloSpec slo, int seed)
    {
        var random = new Random(seed);
        var minutes = new WindowCounts[WarmUpMinutes + MonthMinutes];
        var bad = new List<int>();
        for (var i = 0; i < minutes.Length; i++)
        {
            var failed = random.NextDouble() < BackgroundFailureRate;
            minutes[i] = new WindowCounts(failed ? 0 : 1, 1);
            if (failed)
            {
                bad.Add(i);
            }
        }

        // A page needs a bad run inside its short windows (30 minutes at most), so only the minutes after a failure
        // can page; every other minute is "none" without evaluating it.
        var history = new MinuteHistory(minutes);
        var candidates = bad.SelectMany(b => Enumerable.Range(b, 31)).Where(m => m >= WarmUpMinutes && m < minutes.Length).Distinct().Order();
        var pages = 0;
        var previous = -2;
        var paging = false;
        foreach (var minute in candidates)
        {
            var now = BurnRateEvaluator.Evaluate(slo, history.At(slo, minute), SloFixtures.Start.AddMinutes(minute)).AlertState == SloAlertState.Page;
            if (now && !(paging && previous == minute - 1))
            {
                pages++;
            }

            paging = now;
            previous = minute;
        }

        return pages;
    }
}
