using Xunit;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Functions.Invocation;
using Monitoring.Functions.Scheduling;

using Monitoring.Functions.Tests.Support;

namespace Monitoring.Functions.Tests.Scheduling;

public sealed class LocalTimerSchedulerTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 30, TimeSpan.Zero);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider time = new(Start);
    private readonly RecordingHandler handler = new("Tick");
    private readonly ConcurrentQueue<DateTimeOffset> armed = new();
    private readonly SemaphoreSlim armedSignal = new(0);
    private readonly SemaphoreSlim completedSignal = new(0);
    private LocalTimerScheduler? scheduler;

    [Fact]
    public async Task Scheduler_InvokesOncePerOccurrence_WhenTimeAdvancesMinuteByMinute()
    {
        await StartAsync("0 */1 * * * *", runOnStartup: false);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 1, 0, TimeSpan.Zero), await NextArmedAsync());

        time.Advance(TimeSpan.FromSeconds(29));
        Assert.Empty(handler.Calls);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 2, 0, TimeSpan.Zero), await NextArmedAsync());
        await InvocationCompletedAsync();

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 3, 0, TimeSpan.Zero), await NextArmedAsync());
        await InvocationCompletedAsync();

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 4, 0, TimeSpan.Zero), await NextArmedAsync());
        await InvocationCompletedAsync();

        Assert.Equal(3, handler.Calls.Count);
    }

    [Fact]
    public async Task Scheduler_PassesTheHostShapedTimerPayload_WhenItFires()
    {
        await StartAsync("0 */1 * * * *", runOnStartup: false);
        await NextArmedAsync();
        time.Advance(TimeSpan.FromSeconds(30));
        await NextArmedAsync();
        await InvocationCompletedAsync();
        time.Advance(TimeSpan.FromMinutes(1));
        await NextArmedAsync();
        await InvocationCompletedAsync();

        var second = TimerPayload.From(handler.Calls.ElementAt(1).Data);
        Assert.False(second.IsPastDue);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 1, 0, TimeSpan.Zero), second.Last);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 3, 0, TimeSpan.Zero), second.Next);
        Assert.Equal("Tick", (string?)handler.Calls.ElementAt(1).Metadata?["sys"]?["MethodName"]);
    }

    [Fact]
    public async Task Scheduler_SkipsTick_WhenPreviousInvocationIsStillRunning()
    {
        handler.Block();
        await StartAsync("0 */1 * * * *", runOnStartup: false);
        await NextArmedAsync();

        time.Advance(TimeSpan.FromSeconds(30));
        await NextArmedAsync();
        await handler.WaitForCallsAsync(1, Patience);

        time.Advance(TimeSpan.FromMinutes(1));
        await NextArmedAsync();
        Assert.Single(handler.Calls);

        handler.Release();
        await InvocationCompletedAsync();
        time.Advance(TimeSpan.FromMinutes(1));
        await NextArmedAsync();
        await InvocationCompletedAsync();
        Assert.Equal(2, handler.Calls.Count);
    }

    [Fact]
    public async Task Scheduler_RunsImmediately_WhenRunOnStartupIsSet()
    {
        await StartAsync("0 0 * * * *", runOnStartup: true);
        await handler.WaitForCallsAsync(1, Patience);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 11, 0, 0, TimeSpan.Zero), await NextArmedAsync());
    }

    [Fact]
    public async Task Scheduler_FollowsSecondsField_WhenScheduleHasOffset()
    {
        await StartAsync("45 */5 * * * *", runOnStartup: false);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 0, 45, TimeSpan.Zero), await NextArmedAsync());
        time.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 5, 45, TimeSpan.Zero), await NextArmedAsync());
        await handler.WaitForCallsAsync(1, Patience);
    }

    public async ValueTask DisposeAsync()
    {
        handler.Release();
        if (scheduler is not null)
        {
            await scheduler.StopAsync(CancellationToken.None);
            scheduler.Dispose();
        }

        armedSignal.Dispose();
        completedSignal.Dispose();
    }

    private async Task StartAsync(string schedule, bool runOnStartup)
    {
        var catalog = TestCatalogs.WithTimer("Tick", schedule);
        scheduler = new LocalTimerScheduler(catalog, [handler], time, NullLogger<LocalTimerScheduler>.Instance, runOnStartup);
        scheduler.Armed += (_, next) =>
        {
            armed.Enqueue(next);
            armedSignal.Release();
        };
        scheduler.Completed += _ => completedSignal.Release();
        await scheduler.StartAsync(TestContext.Current.CancellationToken);
    }

    private async Task InvocationCompletedAsync() =>
        Assert.True(await completedSignal.WaitAsync(Patience, TestContext.Current.CancellationToken), "The invocation did not complete.");

    private async Task<DateTimeOffset> NextArmedAsync()
    {
        Assert.True(await armedSignal.WaitAsync(Patience, TestContext.Current.CancellationToken), "The scheduler did not arm its timer.");
        Assert.True(armed.TryDequeue(out var next));
        return next;
    }

    private sealed class RecordingHandler(string name) : IFunctionHandler
    {
        private readonly ConcurrentQueue<InvocationRequest> calls = new();
        private TaskCompletionSource gate = CompletedGate();

        public string FunctionName => name;

        public ConcurrentQueue<InvocationRequest> Calls => calls;

        public void Block() => gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => gate.TrySetResult();

        public async Task<IReadOnlyList<string>> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
        {
            calls.Enqueue(request);
            await gate.Task.WaitAsync(cancellationToken);
            return ["ok"];
        }

        public async Task WaitForCallsAsync(int count, TimeSpan patience)
        {
            using var timeout = new CancellationTokenSource(patience);
            while (calls.Count < count)
            {
                await Task.Delay(5, timeout.Token);
            }
        }

        private static TaskCompletionSource CompletedGate()
        {
            var done = new TaskCompletionSource();
            done.SetResult();
            return done;
        }
    }
}
