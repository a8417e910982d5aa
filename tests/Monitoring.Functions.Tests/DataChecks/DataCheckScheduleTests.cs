using Monitoring.Functions.DataChecks;
using Monitoring.Functions.Hosting;
using Monitoring.Functions.Tests.Support;
using Xunit;

namespace Monitoring.Functions.Tests.DataChecks;

/// <summary>Data checks are due once per interval, a tick of tolerance early rather than a tick late, and never when disabled.</summary>
public sealed class DataCheckScheduleTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TakeDue_RunsADataCheckOncePerInterval_AndSkipsDisabledOnes()
    {
        var feed = SpecFile.Load(TestApp.SampleSpecPath, new DictionaryEnvironment()).Spec!.FindDataCheck("orders-feed")!;
        var disabled = feed with { Name = "paused-feed", Enabled = false };
        var schedule = new DataCheckSchedule();

        Assert.Equal(["orders-feed"], schedule.TakeDue([feed, disabled], Start).Select(c => c.Name));
        Assert.Empty(schedule.TakeDue([feed, disabled], Start.AddSeconds(30)));
        // One minute interval; a tick arriving up to the tolerance early still runs it.
        Assert.Equal(["orders-feed"], schedule.TakeDue([feed, disabled], Start.AddSeconds(59)).Select(c => c.Name));
        Assert.Empty(schedule.TakeDue([feed, disabled], Start.AddSeconds(69)));
    }
}
