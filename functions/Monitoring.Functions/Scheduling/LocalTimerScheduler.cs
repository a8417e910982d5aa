using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Monitoring.Functions.Invocation;

namespace Monitoring.Functions.Scheduling;

/// <summary>
/// Drives timer functions when no Functions host is present. It reads the same function.json
/// schedules the host would, and calls the same handlers the host's POSTs reach. A tick that
/// arrives while the previous invocation of that function still runs is skipped, never queued.
/// </summary>
public sealed class LocalTimerScheduler : BackgroundService
{
    private readonly IReadOnlyList<(FunctionDefinition Function, IFunctionHandler Handler, TimerSchedule Schedule)> timers;
    private readonly TimeProvider time;
    private readonly ILogger<LocalTimerScheduler> logger;
    private readonly bool runOnStartup;
    private int invocations;

    /// <summary>Creates the scheduler for every timer function in <paramref name="catalog"/> that has a handler.</summary>
    public LocalTimerScheduler(FunctionCatalog catalog, IEnumerable<IFunctionHandler> handlers, TimeProvider time, ILogger<LocalTimerScheduler> logger, bool runOnStartup)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(handlers);
        var byName = handlers.ToDictionary(h => h.FunctionName, StringComparer.OrdinalIgnoreCase);
        timers = [.. catalog.Functions
            .Where(f => f.Trigger == TriggerKind.Timer && byName.ContainsKey(f.Name))
            .Select(f => (f, byName[f.Name], TimerSchedule.Parse(f.TriggerBinding.Schedule!)))];
        this.time = time ?? throw new ArgumentNullException(nameof(time));
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
        this.runOnStartup = runOnStartup;
    }

    /// <summary>Raised with the function name and its next occurrence each time a timer is armed; lets tests advance fake time deterministically.</summary>
    internal event Action<string, DateTimeOffset>? Armed;

    /// <summary>Raised with the function name when an invocation has finished and the function is free again.</summary>
    internal event Action<string>? Completed;

    /// <summary>How many invocations the scheduler has started (all functions).</summary>
    public int Invocations => Volatile.Read(ref invocations);

    /// <inheritdoc/>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(timers.Select(t => RunTimerAsync(t.Function, t.Handler, t.Schedule, stoppingToken)));

    private async Task RunTimerAsync(FunctionDefinition function, IFunctionHandler handler, TimerSchedule schedule, CancellationToken stoppingToken)
    {
        SchedulerLog.Started(logger, function.Name, schedule.Expression);
        Task running = Task.CompletedTask;
        var busy = new StrongBox<bool>();
        DateTimeOffset? last = null;
        var cursor = time.GetUtcNow();
        if (runOnStartup)
        {
            running = InvokeAsync(function, handler, busy, new TimerPayload(false, null, schedule.NextAfter(cursor)), stoppingToken);
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // Schedule from the later of the previous occurrence and now, so a timer that fires
                // a hair early never runs the same occurrence twice.
                var now = time.GetUtcNow();
                var next = schedule.NextAfter(now > cursor ? now : cursor);
                var wait = next - now;

                // The timer is registered before anyone hears it is armed, so time moved on by a listener
                // (a test's fake clock) always reaches it.
                var delay = wait > TimeSpan.Zero ? Task.Delay(wait, time, stoppingToken) : Task.CompletedTask;
                Armed?.Invoke(function.Name, next);
                await delay;

                cursor = next;
                if (Volatile.Read(ref busy.Value))
                {
                    SchedulerLog.SkippedOverlap(logger, function.Name, next);
                    continue;
                }

                var pastDue = time.GetUtcNow() - next > TimeSpan.FromSeconds(1);
                running = InvokeAsync(function, handler, busy, new TimerPayload(pastDue, last, schedule.NextAfter(next)), stoppingToken);
                last = next;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        await running;
    }

    private async Task InvokeAsync(FunctionDefinition function, IFunctionHandler handler, StrongBox<bool> busy, TimerPayload payload, CancellationToken stoppingToken)
    {
        Volatile.Write(ref busy.Value, true);
        Interlocked.Increment(ref invocations);
        var timerBinding = function.TriggerBinding.Name.Length > 0 ? function.TriggerBinding.Name : "timer";
        var request = new InvocationRequest(
            new JsonObject { [timerBinding] = payload.ToJson() },
            new JsonObject { ["sys"] = new JsonObject { ["MethodName"] = function.Name, ["UtcNow"] = time.GetUtcNow().ToString("O") } });
        try
        {
            // Yield first so the loop's timing never waits on the handler's synchronous part.
            await Task.Yield();
            foreach (var line in await handler.InvokeAsync(request, stoppingToken))
            {
                SchedulerLog.InvocationLine(logger, function.Name, line);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception exception)
        {
            SchedulerLog.InvocationFailed(logger, exception, function.Name);
        }
        finally
        {
            Volatile.Write(ref busy.Value, false);
            Completed?.Invoke(function.Name);
        }
    }
}
