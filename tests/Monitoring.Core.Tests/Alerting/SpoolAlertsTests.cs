using Monitoring.Core.Alerting;
using Monitoring.Core.Spool;
using Xunit;

namespace Monitoring.Core.Tests.Alerting;

public sealed class SpoolAlertsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 12, 0, 0, TimeSpan.Zero);
    private static readonly RowSpoolBound Bound = new(1000, 1_000_000);

    [Theory]
    // Nothing waits, or little for a short while: delivery is keeping up.
    [InlineData(0, 0, null, false)]
    [InlineData(10, 5_000, 14, false)]
    // The oldest row waited past the limit.
    [InlineData(1, 100, 16, true)]
    // Half the bound in rows, or in bytes, even when young.
    [InlineData(500, 5_000, 1, true)]
    [InlineData(10, 500_000, 1, true)]
    public void Observe_Breaches_WhenTheOldestRowIsOldOrAStreamIsHalfFull(long rows, long bytes, int? minutesWaiting, bool breaching)
    {
        var size = new SpoolSize([new StreamSpoolSize("Custom-MonitorCheckRun_CL", rows, bytes, minutesWaiting is { } m ? Now.AddMinutes(-m) : null, 0)]);

        var observation = SpoolAlerts.Observe(size, Bound, Now);

        Assert.Equal(breaching, observation.Breaching);
        Assert.Equal((SpoolAlerts.GrowingKey, AlertSource.Spool, AlertSeverity.Warning, Now), (observation.Definition.Key, observation.Definition.Source, observation.Definition.Severity, observation.At));
    }

    [Fact]
    public void Observe_SaysWhatWaitsAndWhatWasDropped_WhenRowsWait()
    {
        var size = new SpoolSize([new StreamSpoolSize("Custom-MonitorCheckRun_CL", 600, 1200, Now.AddMinutes(-20), 7)]);

        var observation = SpoolAlerts.Observe(size, Bound, Now);

        Assert.Equal("600 rows (1200 bytes) wait in the results spool; the oldest for 20m; at 50% of the bound or more: Custom-MonitorCheckRun_CL (7 rows dropped so far).", observation.Summary);
    }
}
