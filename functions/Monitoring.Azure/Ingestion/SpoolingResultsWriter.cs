using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Monitoring.Core.Alerting;
using Monitoring.Core.Ports;
using Monitoring.Core.Results;
using Monitoring.Core.Spool;

namespace Monitoring.Azure.Ingestion;

/// <summary>
/// <see cref="IResultsWriter"/> for Log Analytics that loses no row when the service is slow, down or the process
/// stops: every row is written to a durable <see cref="IRowSpool"/> first, then each stream's oldest rows are sent
/// through <see cref="LogAnalyticsResultsWriter"/> and deleted from the spool only once the upload succeeded.
/// Delivery is therefore at least once (a row may arrive twice when an answer is lost or the process stops between
/// upload and deletion) and oldest first per stream.
/// </summary>
/// <remarks>
/// Each append tries a flush (inline, or in the background with <see cref="SpoolingResultsWriterOptions.FlushInBackground"/>)
/// unless one is running or the last failed less than <see cref="SpoolingResultsWriterOptions.FailureBackoff"/> ago; the app's timer should also call
/// <see cref="FlushAsync"/> each minute, so spooled rows go out even when nothing new arrives. Another instance, or
/// this one after a restart, on the same spool delivers what this one left.
/// </remarks>
public sealed class SpoolingResultsWriter : IResultsWriter, IDisposable
{
    // The ingestion client serialises rows with this encoder; spooled text of the same form has the same size.
    private static readonly JsonSerializerOptions RowJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly LogAnalyticsResultsWriter _inner;
    private readonly IRowSpool _spool;
    private readonly SpoolingResultsWriterOptions _options;
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private long _nextAutomaticFlush = long.MinValue;
    private Task _background = Task.CompletedTask;

    /// <summary>Spools to <paramref name="spool"/> and delivers through <paramref name="inner"/>.</summary>
    public SpoolingResultsWriter(LogAnalyticsResultsWriter inner, IRowSpool spool, SpoolingResultsWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(spool);
        _inner = inner;
        _spool = spool;
        _options = options ?? new SpoolingResultsWriterOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.ReadRows, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.FailureBackoff, TimeSpan.Zero, nameof(options));
    }

    /// <inheritdoc />
    /// <remarks>
    /// Returns once the rows are in the spool, whether or not they could be delivered yet. A value that does not fit
    /// its column fails the whole call with <see cref="ArgumentException"/> before anything is spooled; a spool that
    /// cannot write fails it too, and then nothing of the call's stream is kept.
    /// </remarks>
    public async Task AppendAsync(IReadOnlyList<TableRow> rows, CancellationToken cancellationToken)
    {
        foreach (var (stream, json) in _inner.ToStreams(rows))
        {
            await _spool.AppendAsync(stream, [.. json.Select(row => row.ToJsonString(RowJson))], cancellationToken).ConfigureAwait(false);
        }

        if (_options.TimeProvider.GetUtcNow().UtcTicks < Interlocked.Read(ref _nextAutomaticFlush) || !await _flushing.WaitAsync(0, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (_options.FlushInBackground)
        {
            // The caller (a check run) must not wait out Log Analytics' retries: the rows are safe in the spool.
            _background = Task.Run(FlushAndReleaseAsync, CancellationToken.None);
            return;
        }

        try
        {
            await FlushSpoolAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _flushing.Release();
        }
    }

    /// <summary>Waits for a flush started in the background by an append, if one is running.</summary>
    public Task BackgroundFlush => _background;

    /// <summary>
    /// Delivers the spool's rows, oldest first per stream, and deletes each batch once its upload succeeded. A
    /// failure the service may get over (no answer, 408, 429, 5xx) stops the flush, since the next stream would fail
    /// too; any other failure skips only its stream. Failed rows stay spooled for the next flush.
    /// </summary>
    public async Task<SpoolFlushResult> FlushAsync(CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await FlushSpoolAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _flushing.Release();
        }
    }

    /// <summary>What the spool holds: rows and bytes per stream, the oldest row, the drops.</summary>
    public Task<SpoolSize> SizeAsync(CancellationToken cancellationToken) => _spool.SizeAsync(cancellationToken);

    /// <summary>The <see cref="SpoolAlerts.Growing"/> observation for the spool as it is now.</summary>
    public async Task<AlertObservation> ObserveAsync(CancellationToken cancellationToken) =>
        SpoolAlerts.Observe(await _spool.SizeAsync(cancellationToken).ConfigureAwait(false), _spool.Bound, _options.TimeProvider.GetUtcNow());

    /// <inheritdoc />
    public void Dispose()
    {
        // A background flush still running keeps its rows in the spool; the next instance delivers them.
        if (_background.IsCompleted)
        {
            _flushing.Dispose();
        }
    }

    private async Task FlushAndReleaseAsync()
    {
        try
        {
            // Failures are part of the result and the rows stay spooled; the minute's FlushAsync reports them.
            await FlushSpoolAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RequestFailedException or IOException or InvalidOperationException or HttpRequestException)
        {
            // Same as above: nothing is lost, and the next flush tries again.
        }
        finally
        {
            _flushing.Release();
        }
    }

    private static bool IsTransient(RequestFailedException e) => e.Status is 0 or 408 or 429 or >= 500;

    // A prefix of the rows whose JSON array fits one ingestion call, so a batch is delivered whole or not at all.
    private static List<SpooledRow> OneCall(IReadOnlyList<SpooledRow> rows)
    {
        var batch = new List<SpooledRow>();
        long size = 2;
        foreach (var row in rows)
        {
            size += row.Bytes + (batch.Count == 0 ? 0 : 1);
            if (batch.Count > 0 && size > LogsIngestionClient.MaxBatchBytes)
            {
                break;
            }

            batch.Add(row);
        }

        return batch;
    }

    private async Task<SpoolFlushResult> FlushSpoolAsync(CancellationToken cancellationToken)
    {
        long delivered = 0;
        RequestFailedException? failure = null;
        foreach (var stream in await _spool.StreamsAsync(cancellationToken).ConfigureAwait(false))
        {
            while (true)
            {
                var oldest = await _spool.ReadOldestAsync(stream, _options.ReadRows, cancellationToken).ConfigureAwait(false);
                if (oldest.Count == 0)
                {
                    break;
                }

                var batch = OneCall(oldest);
                try
                {
                    await _inner.UploadAsync(stream, [.. batch.Select(row => JsonNode.Parse(row.Row)!)], cancellationToken).ConfigureAwait(false);
                }
                catch (RequestFailedException e)
                {
                    failure = e;
                    Interlocked.Exchange(ref _nextAutomaticFlush, (_options.TimeProvider.GetUtcNow() + _options.FailureBackoff).UtcTicks);
                    if (IsTransient(e))
                    {
                        return new SpoolFlushResult(delivered, failure);
                    }

                    break;
                }

                await _spool.AcknowledgeAsync(stream, batch, cancellationToken).ConfigureAwait(false);
                delivered += batch.Count;
            }
        }

        return new SpoolFlushResult(delivered, failure);
    }
}
