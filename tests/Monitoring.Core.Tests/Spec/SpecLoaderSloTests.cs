using Monitoring.Core.Slo;
using Monitoring.Core.Spec;
using Xunit;

namespace Monitoring.Core.Tests.Spec;

/// <summary>The <c>slos</c> section of the good fixture, mapped: kinds, defaults, scaled windows and custom pairs.</summary>
public sealed class SpecLoaderSloTests
{
    private static SloSpec Slo(string name) => Fixture.LoadGood().Slos.Single(s => s.Name == name);

    [Fact]
    public void Load_MapsEverySlo_InSpecOrder()
    {
        var slos = Fixture.LoadGood().Slos;

        Assert.Equal(["purchases-available", "storefront-fast", "orders-fresh", "finder-success"], slos.Select(s => s.Name));
    }

    [Fact]
    public void Load_MapsAnAvailabilitySlo_WithDefaultWindowsAndItsOwnMinimum()
    {
        var slo = Slo("purchases-available");

        Assert.Equal("shop", slo.Service);
        Assert.Equal("Customers can pay.", slo.Description);
        Assert.Equal(99.9, slo.Objective);
        Assert.Equal(0.001, slo.ErrorBudget, 12);
        Assert.Equal(TimeSpan.FromDays(30), slo.Period);
        Assert.Equal(SloBudgeting.Occurrences, slo.Budgeting);
        Assert.Equal(new AvailabilitySli("checkout"), slo.Sli);
        Assert.Equal(3, slo.Alerting.MinBadEvents);
        Assert.False(slo.Alerting.CustomWindows);
        Assert.Equal(BurnRateWindows.ForPeriod(TimeSpan.FromDays(30)), slo.Alerting.Windows);
    }

    [Fact]
    public void Load_MapsALatencySlo_WithItsCustomPairs()
    {
        var slo = Slo("storefront-fast");

        Assert.Null(slo.Service);
        Assert.Equal(TimeSpan.FromDays(7), slo.Period);
        Assert.Equal(new LatencySli("homepage", TimeSpan.FromMilliseconds(800), DegradedIsBad: true), slo.Sli);
        Assert.True(slo.Alerting.CustomWindows);
        Assert.Equal(SloAlertingSpec.DefaultMinBadEvents, slo.Alerting.MinBadEvents);
        Assert.Equal(
            [
                new BurnRateWindowPair(BurnRateSeverity.Page, TimeSpan.FromHours(1), TimeSpan.FromMinutes(5), 14.4),
                new BurnRateWindowPair(BurnRateSeverity.Ticket, TimeSpan.FromDays(1), TimeSpan.FromHours(2), 3),
            ],
            slo.Alerting.Windows);
    }

    [Fact]
    public void Load_BudgetsAFreshnessSloByTimeslices_AndScalesDefaultWindowsToItsPeriod()
    {
        var slo = Slo("orders-fresh");

        Assert.Equal(new FreshnessSli("orders-feed"), slo.Sli);
        Assert.Equal(SloBudgeting.Timeslices, slo.Budgeting);
        Assert.Equal(TimeSpan.FromDays(28), slo.Period);
        var fastPage = slo.Alerting.Windows[0];
        Assert.Equal(TimeSpan.FromMinutes(56), fastPage.LongWindow);
        Assert.Equal(TimeSpan.FromSeconds(280), fastPage.ShortWindow);
        Assert.Equal(14.4, fastPage.Factor, 9);
    }

    [Fact]
    public void Load_MapsAKqlSlo_WithTimeslicesAndADefaultPeriod()
    {
        var slo = Slo("finder-success");

        Assert.Equal(new KqlSli("AppRequests | where Success", "AppRequests"), slo.Sli);
        Assert.Equal(SloBudgeting.Timeslices, slo.Budgeting);
        Assert.Equal(TimeSpan.FromDays(30), slo.Period);
    }

    [Fact]
    public void Load_GivesNoSlos_WhenTheSectionIsAbsent()
    {
        var yaml = Fixture.GoodYaml[..Fixture.GoodYaml.IndexOf("slos:", StringComparison.Ordinal)];

        var result = Fixture.Load(yaml);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Empty(result.Spec!.Slos);
    }
}
