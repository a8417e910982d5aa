using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Monitoring.Azure.Ingestion;

/// <summary>
/// Sends rows to a Log Analytics table through the Logs Ingestion API (a data collection rule's stream):
/// JSON arrays of at most 1,000,000 bytes, gzipped, so no call exceeds the service's 1 MB limit compressed or not.
/// Throttling and transient failures are retried (see <see cref="LogsIngestionClientOptions"/>); a 413 splits the
/// batch in half; every other failure surfaces as <see cref="RequestFailedException"/> with the service's error code.
/// </summary>
public sealed class LogsIngestionClient
{
    /// <summary>The most uncompressed JSON one call carries; the official SDKs batch at the same size.</summary>
    public const int MaxBatchBytes = 1_000_000;

    private const string Scope = "https://monitor.azure.com//.default";
    private const string ApiVersion = "2023-01-01";

    // Bodies only travel to the service, never into HTML, so non-ASCII text is sent as is: shorter than \u escapes.
    private static readonly JsonSerializerOptions RowJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Uri _endpoint;
    private readonly HttpPipeline _pipeline;

    /// <summary>A client for the data collection rule's (or endpoint's) logs ingestion endpoint, authenticated by <paramref name="credential"/>.</summary>
    public LogsIngestionClient(Uri endpoint, TokenCredential credential, LogsIngestionClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        _endpoint = endpoint;
        _pipeline = HttpPipelineBuilder.Build(options ?? new LogsIngestionClientOptions(), new BearerTokenAuthenticationPolicy(credential, Scope));
    }

    /// <summary>
    /// Sends <paramref name="rows"/> to stream <paramref name="streamName"/> of the rule with immutable id
    /// <paramref name="ruleId"/>, in order, one batch after the other.
    /// </summary>
    /// <remarks>
    /// A row that alone exceeds <see cref="MaxBatchBytes"/> fails the call with <see cref="ArgumentException"/>
    /// before anything is sent. When a batch fails for good, the call throws that batch's
    /// <see cref="RequestFailedException"/>: the batches before it were delivered, it and the ones after were not.
    /// </remarks>
    public async Task UploadAsync(string ruleId, string streamName, IReadOnlyList<JsonNode> rows, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleId);
        ArgumentException.ThrowIfNullOrWhiteSpace(streamName);
        ArgumentNullException.ThrowIfNull(rows);

        var serialized = new byte[rows.Count][];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i] ?? throw new ArgumentException($"Rows must not be null. Row {i} for stream {streamName} is null.", nameof(rows));
            serialized[i] = JsonSerializer.SerializeToUtf8Bytes(row, RowJson);
            if (serialized[i].Length + 2 > MaxBatchBytes)
            {
                throw new ArgumentException(
                    $"A row is larger than one ingestion call may carry ({MaxBatchBytes} bytes of JSON). Row {i} for stream {streamName} has {serialized[i].Length} bytes.",
                    nameof(rows));
            }
        }

        var uri = RequestUri(ruleId, streamName);
        foreach (var batch in Batches(serialized))
        {
            await SendAsync(uri, batch, cancellationToken);
        }
    }

    /// <summary>Consecutive runs of rows whose JSON array (brackets and commas included) fits <see cref="MaxBatchBytes"/>.</summary>
    private static IEnumerable<ArraySegment<byte[]>> Batches(byte[][] rows)
    {
        var start = 0;
        var size = 2;
        for (var i = 0; i < rows.Length; i++)
        {
            var added = rows[i].Length + (i > start ? 1 : 0);
            if (size + added > MaxBatchBytes)
            {
                yield return new ArraySegment<byte[]>(rows, start, i - start);
                start = i;
                added = rows[i].Length;
                size = 2;
            }

            size += added;
        }

        if (rows.Length > start)
        {
            yield return new ArraySegment<byte[]>(rows, start, rows.Length - start);
        }
    }

    /// <summary>Sends one batch; a batch the service (or gzip) finds too large is split in half until single rows remain.</summary>
    private async Task SendAsync(Uri uri, ArraySegment<byte[]> rows, CancellationToken cancellationToken)
    {
        var body = Gzip(rows);

        // Incompressible rows can grow a little under gzip; halving keeps the compressed body within the limit too.
        if (body.Length > MaxBatchBytes && rows.Count > 1)
        {
            await SendHalvesAsync(uri, rows, cancellationToken);
            return;
        }

        using var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Post;
        request.Uri.Reset(uri);
        request.Headers.Add(HttpHeader.Names.ContentType, "application/json");
        request.Headers.Add("Content-Encoding", "gzip");
        request.Content = RequestContent.Create(body);

        await _pipeline.SendAsync(message, cancellationToken);
        var response = message.Response;
        if (response.Status == 413 && rows.Count > 1)
        {
            await SendHalvesAsync(uri, rows, cancellationToken);
            return;
        }

        if (response.IsError)
        {
            throw new RequestFailedException(response);
        }
    }

    private async Task SendHalvesAsync(Uri uri, ArraySegment<byte[]> rows, CancellationToken cancellationToken)
    {
        var half = rows.Count / 2;
        await SendAsync(uri, rows[..half], cancellationToken);
        await SendAsync(uri, rows[half..], cancellationToken);
    }

    private static byte[] Gzip(ArraySegment<byte[]> rows)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.WriteByte((byte)'[');
            for (var i = 0; i < rows.Count; i++)
            {
                if (i > 0)
                {
                    gzip.WriteByte((byte)',');
                }

                gzip.Write(rows[i]);
            }

            gzip.WriteByte((byte)']');
        }

        return buffer.ToArray();
    }

    private Uri RequestUri(string ruleId, string streamName)
    {
        var root = _endpoint.AbsoluteUri.TrimEnd('/');
        return new Uri($"{root}/dataCollectionRules/{Uri.EscapeDataString(ruleId)}/streams/{Uri.EscapeDataString(streamName)}?api-version={ApiVersion}");
    }
}
