using System.Collections.Concurrent;
using Monitoring.Core.Checks;
using Monitoring.Core.Ports;
using Monitoring.Core.Results;
using Monitoring.Core.Spec;

namespace Monitoring.Functions.Execution;

/// <summary>
/// Runs checks concurrently up to the spec's limit, stores each result as soon as it exists and
/// logs one line per run. A check whose previous run is still going is skipped, not queued, so
/// one slow target never pushes back the others.
/// </summary>
public sealed class CheckExecutor : IDisposable
{
    private readonly ICheckRunner runner;
    private readonly IResultsWriter results;
    private readonly ILogger<CheckExecutor> logger;
    private readonly IReadOnlyList<IRunObserver> observers;
    private readonly SemaphoreSlim slots;
    private readonly ConcurrentDictionary<string, byte> inFlight = new(StringComparer.Ordinal);

    /// <summary>Creates the executor; at most <paramref name="concurrency"/> checks run at once.</summary>
    public CheckExecutor(ICheckRunner runner, IResultsWriter results, int concurrency, ILogger<CheckExecutor> logger, IEnumerable<IRunObserver>? observers = null)
    {
        this.observers = [.. observers ?? []];
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        this.runner = runner ?? throw new ArgumentNullException(nameof(runner));
        this.results = results ?? throw new ArgumentNullException(nameof(results));
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
        slots = new SemaphoreSlim(concurrency);
    }

    /// <summary>Runs every check not already running, concurrently; returns the runs that completed.</summary>
    public async Task<IReadOnlyList<CheckRunResult>> RunManyAsync(IEnumerable<CheckSpec> checks, CancellationToken cancellationToken)
    {
        var started = new List<Task<CheckRunResult?>>();
        foreach (var check in checks)
        {
            if (!inFlight.TryAdd(check.Name, 0))
            {
                CheckLog.SkippedInFlight(logger, check.Name);
                continue;
            }

            started.Add(RunTrackedAsync(check, cancellationToken));
        }

        var completed = await Task.WhenAll(started);
        return [.. completed.OfType<CheckRunResult>()];
    }

    /// <summary>Runs one check now (on demand), waiting for a free slot; stores and logs the result.</summary>
    public async Task<CheckRunResult> RunOnceAsync(CheckSpec check, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(check);
        await slots.WaitAsync(cancellationToken);
        try
        {
            return await RunAndStoreAsync(check, cancellationToken);
        }
        finally
        {
            slots.Release();
        }
    }

    /// <inheritdoc/>
    public void Dispose() => slots.Dispose();

    private async Task<CheckRunResult?> RunTrackedAsync(CheckSpec check, CancellationToken cancellationToken)
    {
        try
        {
            return await RunOnceAsync(check, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The runner reports target failures as results; anything thrown is a bug, and one
            // check's bug must not take the others down with it.
            CheckLog.RunnerCrashed(logger, exception, check.Name);
            return null;
        }
        finally
        {
            inFlight.TryRemove(check.Name, out _);
        }
    }

    private async Task<CheckRunResult> RunAndStoreAsync(CheckSpec check, CancellationToken cancellationToken)
    {
        var run = await runner.RunAsync(check, cancellationToken);
        CheckLog.Run(logger, run);
        try
        {
            await results.AppendAsync([CheckRunRows.ToRow(run)], cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            CheckLog.StoreFailed(logger, exception, check.Name);
        }

        foreach (var observer in observers)
        {
            try
            {
                await observer.OnRunAsync(run, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                CheckLog.ObserverFailed(logger, exception, check.Name);
            }
        }

        return run;
    }
}
