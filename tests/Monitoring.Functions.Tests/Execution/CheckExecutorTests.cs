using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Core.Checks;
using Monitoring.Core.Ports;
using Monitoring.Core.Results;
using Monitoring.Core.Spec;
using Monitoring.Functions.Execution;
using Monitoring.Functions.Tests.Support;
using Xunit;

namespace Monitoring.Functions.Tests.Execution;

/// <summary>One slow target never delays the others: their results are stored as they finish, and a check still running is skipped, not queued.</summary>
public sealed class CheckExecutorTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly GatedRunner runner = new();
    private readonly RecordingWriter results = new();

    [Fact]
    public async Task RunManyAsync_StoresFastResults_WhileASlowCheckIsStillRunning()
    {
        using var executor = new CheckExecutor(runner, results, 4, NullLogger<CheckExecutor>.Instance);
        runner.Hold("slow");

        var cycle = executor.RunManyAsync([Check("slow"), Check("fast")], TestContext.Current.CancellationToken);
        await results.WaitForAsync("fast", Patience);

        Assert.False(cycle.IsCompleted);
        Assert.DoesNotContain("slow", results.Checks);
        runner.Release("slow");
        Assert.Equal(["fast", "slow"], (await cycle).Select(r => r.CheckName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RunManyAsync_SkipsACheckStillInFlight_AndRunsTheOthers()
    {
        using var executor = new CheckExecutor(runner, results, 4, NullLogger<CheckExecutor>.Instance);
        runner.Hold("slow");
        var firstCycle = executor.RunManyAsync([Check("slow"), Check("fast")], TestContext.Current.CancellationToken);
        await runner.WaitUntilStartedAsync("slow", Patience);

        var secondCycle = await executor.RunManyAsync([Check("slow"), Check("fast")], TestContext.Current.CancellationToken);

        Assert.Equal(["fast"], secondCycle.Select(r => r.CheckName));
        Assert.Equal(1, runner.Starts("slow"));
        runner.Release("slow");
        await firstCycle;
    }

    [Fact]
    public async Task RunManyAsync_RunsNoMoreChecksAtOnceThanTheLimit()
    {
        using var executor = new CheckExecutor(runner, results, 2, NullLogger<CheckExecutor>.Instance);
        var names = Enumerable.Range(1, 6).Select(i => $"check-{i}").ToList();
        names.ForEach(runner.Hold);

        var cycle = executor.RunManyAsync(names.Select(n => Check(n)), TestContext.Current.CancellationToken);
        await runner.WaitForRunningAsync(2, Patience);
        await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.Equal(2, runner.Running);

        names.ForEach(runner.Release);
        Assert.Equal(6, (await cycle).Count);
        Assert.Equal(2, runner.MaxRunning);
    }

    [Fact]
    public async Task RunManyAsync_KeepsTheOtherResults_WhenStoringOneFails()
    {
        using var executor = new CheckExecutor(runner, results, 4, NullLogger<CheckExecutor>.Instance);
        results.FailFor("broken-store");

        var runs = await executor.RunManyAsync([Check("broken-store"), Check("fine")], TestContext.Current.CancellationToken);

        Assert.Equal(2, runs.Count);
        Assert.Equal(["fine"], results.Checks);
    }

    private static CheckSpec Check(string name) =>
        TestCheckSpecs.Check(name, [TestCheckSpecs.Step("get", "http://127.0.0.1/")]);

    private sealed class GatedRunner : ICheckRunner
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource> gates = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, int> starts = new(StringComparer.Ordinal);
        private int running;
        private int maxRunning;

        public int Running => Volatile.Read(ref running);

        public int MaxRunning => Volatile.Read(ref maxRunning);

        public void Hold(string check) => gates[check] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release(string check) => gates[check].TrySetResult();

        public int Starts(string check) => starts.GetValueOrDefault(check);

        public async Task<CheckRunResult> RunAsync(CheckSpec check, CancellationToken cancellationToken)
        {
            starts.AddOrUpdate(check.Name, 1, (_, n) => n + 1);
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref maxRunning, now);
            try
            {
                if (gates.TryGetValue(check.Name, out var gate))
                {
                    await gate.Task.WaitAsync(cancellationToken);
                }

                return new CheckRunResult(check.Name, null, "test", Guid.NewGuid().ToString("N"), DateTimeOffset.UnixEpoch, CheckOutcome.Healthy, 1, 1, null, null, 200, null, null, ImmutableArray<StepResult>.Empty);
            }
            finally
            {
                Interlocked.Decrement(ref running);
            }
        }

        public Task WaitUntilStartedAsync(string check, TimeSpan patience) => PollAsync(() => Starts(check) > 0, patience);

        public Task WaitForRunningAsync(int count, TimeSpan patience) => PollAsync(() => Running >= count, patience);

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }

    private sealed class RecordingWriter : IResultsWriter
    {
        private readonly ConcurrentQueue<string> checks = new();
        private string? failFor;

        public IReadOnlyList<string> Checks => [.. checks];

        public void FailFor(string check) => failFor = check;

        public Task AppendAsync(IReadOnlyList<TableRow> rows, CancellationToken cancellationToken)
        {
            foreach (var row in rows)
            {
                var name = (string)row["CheckName"]!;
                if (name == failFor)
                {
                    throw new IOException("The store is unavailable.");
                }

                checks.Enqueue(name);
            }

            return Task.CompletedTask;
        }

        public Task WaitForAsync(string check, TimeSpan patience) => PollAsync(() => checks.Contains(check), patience);
    }

    private static async Task PollAsync(Func<bool> condition, TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        while (!condition())
        {
            await Task.Delay(5, timeout.Token);
        }
    }
}
