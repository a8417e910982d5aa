using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using Monitoring.Core.DataChecks;
using Monitoring.Core.Ports;
using Monitoring.Core.Secrets;
using Monitoring.Core.Spec;
using Monitoring.Functions.Alerting;
using Monitoring.Functions.Hosting;

namespace Monitoring.Functions.DataChecks;

/// <summary>
/// Runs data checks: reads each one's source within its timeout, judges the read (the schema against its stored
/// baseline), writes one <c>MonitorDataCheck_CL</c> row per rule, feeds the alert engine and publishes the verdict
/// for the API. A check whose previous read is still going is skipped, not queued.
/// </summary>
public sealed class DataCheckExecutor : IDisposable
{
    /// <summary>How many sources are read at once.</summary>
    public const int Concurrency = 4;

    private readonly SpecProvider spec;
    private readonly Dictionary<string, IDataSource> sources;
    private readonly SchemaBaselines baselines;
    private readonly IResultsWriter results;
    private readonly AlertingCycle alerting;
    private readonly DataCheckBoard board;
    private readonly SecretRedactor redactor;
    private readonly TimeProvider time;
    private readonly ILogger<DataCheckExecutor> logger;
    private readonly SemaphoreSlim slots = new(Concurrency);
    private readonly ConcurrentDictionary<string, byte> inFlight = new(StringComparer.Ordinal);

    /// <summary>Creates the executor over the sources this app can read (one per kind).</summary>
    public DataCheckExecutor(
        SpecProvider spec,
        IEnumerable<IDataSource> sources,
        SchemaBaselines baselines,
        IResultsWriter results,
        AlertingCycle alerting,
        DataCheckBoard board,
        SecretRedactor redactor,
        TimeProvider time,
        ILogger<DataCheckExecutor> logger)
    {
        ArgumentNullException.ThrowIfNull(sources);
        this.spec = spec ?? throw new ArgumentNullException(nameof(spec));
        this.sources = sources.ToDictionary(s => s.Kind, StringComparer.Ordinal);
        this.baselines = baselines ?? throw new ArgumentNullException(nameof(baselines));
        this.results = results ?? throw new ArgumentNullException(nameof(results));
        this.alerting = alerting ?? throw new ArgumentNullException(nameof(alerting));
        this.board = board ?? throw new ArgumentNullException(nameof(board));
        this.redactor = redactor ?? throw new ArgumentNullException(nameof(redactor));
        this.time = time ?? throw new ArgumentNullException(nameof(time));
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <inheritdoc/>
    public void Dispose() => slots.Dispose();

    /// <summary>Why <paramref name="check"/> cannot be read by this app (its source kind needs Azure, say), or null.</summary>
    public string? NotEvaluableReason(DataCheckSpec check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return sources.ContainsKey(check.Source.Kind) ? null : check.Source.Kind switch
        {
            "kql" or "adf" => $"{check.Source.Kind} sources query Log Analytics, which this app is not configured for (set Monitoring__Azure__WorkspaceId)",
            var kind => $"this app has no reader for {kind} sources",
        };
    }

    /// <summary>Runs every data check not already running, a few at a time; returns the evaluations made.</summary>
    public async Task<IReadOnlyList<DataCheckEvaluation>> RunManyAsync(IEnumerable<DataCheckSpec> checks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var started = new List<Task<DataCheckEvaluation?>>();
        foreach (var check in checks)
        {
            if (!inFlight.TryAdd(check.Name, 0))
            {
                DataCheckLog.SkippedInFlight(logger, check.Name);
                continue;
            }

            started.Add(RunTrackedAsync(check, cancellationToken));
        }

        var completed = await Task.WhenAll(started);
        return [.. completed.OfType<DataCheckEvaluation>()];
    }

    /// <summary>Runs one data check now (on demand); null when it cannot be evaluated here.</summary>
    public async Task<DataCheckEvaluation?> RunOnceAsync(DataCheckSpec check, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(check);
        await slots.WaitAsync(cancellationToken);
        try
        {
            return await RunAsync(check, cancellationToken);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task<DataCheckEvaluation?> RunTrackedAsync(DataCheckSpec check, CancellationToken cancellationToken)
    {
        try
        {
            return await RunOnceAsync(check, cancellationToken);
        }
        finally
        {
            inFlight.TryRemove(check.Name, out _);
        }
    }

    private async Task<DataCheckEvaluation?> RunAsync(DataCheckSpec check, CancellationToken cancellationToken)
    {
        if (NotEvaluableReason(check) is { } reason)
        {
            board.PublishNotEvaluable(check.Name, reason);
            DataCheckLog.NotEvaluable(logger, check.Name, reason);
            return null;
        }

        var evaluation = await EvaluateAsync(check, sources[check.Source.Kind], cancellationToken);
        try
        {
            await results.AppendAsync([.. DataCheckRows.ToRows(check, evaluation)], cancellationToken);
            var service = check.Service is { } name ? spec.Spec.Services.GetValueOrDefault(name) : null;
            await alerting.ObserveAsync(DataCheckAlerts.Observe(check, service, evaluation), evaluation.At, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The verdict still reaches the API; the next read writes and alerts again.
            DataCheckLog.StoreFailed(logger, exception, check.Name);
        }

        board.Publish(evaluation);
        return evaluation;
    }

    private async Task<DataCheckEvaluation> EvaluateAsync(DataCheckSpec check, IDataSource source, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var request = DataCheckPlan.For(check, now);
        var started = time.GetTimestamp();
        DataObservation observation;
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            deadline.CancelAfter(check.Timeout);
            try
            {
                observation = await source.ReadAsync(check.Source, request, deadline.Token);
            }
            catch (DataSourceException error)
            {
                return Failed(check, source, now, started, error);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                var timeout = string.Create(CultureInfo.InvariantCulture, $"The {source.Kind} source did not answer within {Durations.Format(check.Timeout)}.");
                return Failed(check, source, now, started, new DataSourceException(DataSourceErrorKind.Timeout, timeout));
            }
            catch (Exception unexpected) when (unexpected is not OperationCanceledException)
            {
                // A reader bug or an unforeseen driver error: still a failed read, never a crashed timer.
                var message = $"The {source.Kind} source failed unexpectedly ({unexpected.GetType().Name}): {unexpected.Message}";
                return Failed(check, source, now, started, new DataSourceException(DataSourceErrorKind.Response, message, unexpected));
            }
        }

        var elapsed = time.GetElapsedTime(started);
        var baseline = check.Rules.Schema is null ? default : await baselines.GetBaselineAsync(check.Name, cancellationToken);
        var evaluation = Redacted(DataCheckEvaluator.Evaluate(check, request, observation, baseline, elapsed));
        if (!evaluation.ObservedSchema.IsDefault)
        {
            await baselines.RecordObservedAsync(check.Name, evaluation.ObservedSchema, cancellationToken);
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            var failed = evaluation.Results.Where(r => r.Outcome != Core.Checks.CheckOutcome.Healthy).Select(r => r.Summary).ToList();
            var summary = failed.Count == 0 ? "every rule holds" : string.Join(" ", failed);
            DataCheckLog.Evaluated(logger, check.Name, evaluation.Outcome, (long)elapsed.TotalMilliseconds, summary);
        }

        return evaluation;
    }

    private DataCheckEvaluation Failed(DataCheckSpec check, IDataSource source, DateTimeOffset now, long started, DataSourceException error)
    {
        var elapsed = time.GetElapsedTime(started);
        var message = redactor.Redact(error.Message) ?? string.Empty;
        DataCheckLog.SourceFailed(logger, check.Name, source.Kind, error.WireKind, (long)elapsed.TotalMilliseconds, message);
        return Redacted(DataCheckEvaluator.SourceFailed(check, now, new DataSourceException(error.Kind, message), elapsed));
    }

    // Summaries quote what sources answered; anything the spec read from the environment is masked before it is stored or sent.
    private DataCheckEvaluation Redacted(DataCheckEvaluation evaluation) => evaluation with
    {
        Results = [.. evaluation.Results.Select(r => r with { Summary = redactor.Redact(r.Summary) ?? string.Empty })],
    };
}
