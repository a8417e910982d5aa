using Monitoring.Core.Spec;
using Monitoring.Functions.Execution;
using Monitoring.Functions.Tests.Support;
using Xunit;

namespace Monitoring.Functions.Tests.Execution;

public sealed class CheckScheduleTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TakeDue_ReturnsEveryEnabledCheck_OnFirstTick()
    {
        var schedule = new CheckSchedule();

        var due = schedule.TakeDue([Check("a"), Check("b"), Check("off", enabled: false)], Noon);

        Assert.Equal(["a", "b"], due.Select(c => c.Name));
    }

    [Fact]
    public void TakeDue_RunsFiveMinuteCheckOnEveryFifthTick_WhenTicksComeEveryMinute()
    {
        var schedule = new CheckSchedule();
        var checks = new[] { Check("every-minute"), Check("every-five", TimeSpan.FromMinutes(5)) };

        var runs = Enumerable.Range(0, 10)
            .Select(minute => schedule.TakeDue(checks, Noon.AddMinutes(minute)).Select(c => c.Name).ToList())
            .ToList();

        Assert.All(runs, names => Assert.Contains("every-minute", names));
        Assert.Equal([0, 5], runs.Select((names, minute) => (names, minute)).Where(x => x.names.Contains("every-five")).Select(x => x.minute));
    }

    [Fact]
    public void TakeDue_StillRunsCheck_WhenTickArrivesSlightlyEarly()
    {
        var schedule = new CheckSchedule();
        var checks = new[] { Check("a") };
        schedule.TakeDue(checks, Noon.AddMilliseconds(300));

        var due = schedule.TakeDue(checks, Noon.AddMinutes(1).AddMilliseconds(10));

        Assert.Single(due);
    }

    [Fact]
    public void TakeDue_SkipsCheck_WhenTickComesTooSoon()
    {
        var schedule = new CheckSchedule();
        var checks = new[] { Check("a") };
        schedule.TakeDue(checks, Noon);

        Assert.Empty(schedule.TakeDue(checks, Noon.AddSeconds(30)));
        Assert.Equal(Noon.AddMinutes(1), schedule.NextDue("a"));
    }

    private static CheckSpec Check(string name, TimeSpan? interval = null, bool enabled = true) =>
        TestCheckSpecs.Check(name, TestCheckSpecs.Step("get", "http://127.0.0.1/")) with
        {
            Interval = interval ?? TimeSpan.FromMinutes(1),
            Enabled = enabled,
        };
}
