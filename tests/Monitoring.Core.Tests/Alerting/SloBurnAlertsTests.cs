using System.Collections.Immutable;
using Monitoring.Core.Alerting;
using Monitoring.Core.Slo;
using Monitoring.Core.Spec;
using Monitoring.Core.Tests.Slo;
using Xunit;

namespace Monitoring.Core.Tests.Alerting;

public sealed class SloBurnAlertsTests
{
    [Theory]
    // (events in the short windows, events in the long windows) -> no-data breaching
    [InlineData(0, 0, false)]
    [InlineData(0, 50, true)]
    [InlineData(5, 50, false)]
    public void Observe_BreachesNoData_OnlyWhenDataStopped(long shortTotal, long longTotal, bool breaching)
    {
        var status = Status(shortTotal, longTotal);

        var noData = SloBurnAlerts.Observe(status).Single(o => o.Definition.Source == AlertSource.NoData);

        Assert.Equal(breaching, noData.Breaching);
    }

    [Fact]
    public void Observe_TakesTeamAndRunbook_FromTheService()
    {
        var service = new ServiceSpec("shop", "web-platform", 1, new Uri("https://runbooks.example.com/shop"), null);

        var page = SloBurnAlerts.Observe(Status(5, 50), service).Single(o => o.Definition.Source == AlertSource.SloBurn && o.Definition.Severity == AlertSeverity.Critical);

        Assert.Equal(("web-platform", "https://runbooks.example.com/shop"), (page.Definition.Team, page.Definition.RunbookUrl));
        Assert.Equal("checkout-availability", page.Definition.Labels["slo"]);
    }

    private static SloStatus Status(long shortTotal, long longTotal)
    {
        var slo = SloFixtures.Checkout;
        var windows = BurnRateEvaluator.WindowsFor([slo]);
        // Windows under an hour are the page pairs' short windows; the rest hold the long-window events.
        var counts = new SliWindowCounts(slo.Name, windows.ToImmutableDictionary(w => w, w => w < TimeSpan.FromHours(1) ? new WindowCounts(shortTotal, shortTotal) : new WindowCounts(longTotal, longTotal)));
        return BurnRateEvaluator.Evaluate(slo, counts, SloFixtures.Start);
    }
}
