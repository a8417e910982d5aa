using System.Text;
using System.Text.Json.Nodes;

namespace Monitoring.Functions.Notifications;

/// <summary>An append-only JSON-lines file of everything delivered locally (notifications and emails).</summary>
public sealed class OutboxFile(string path) : IDisposable
{
    // JSON lines without a byte-order mark, so jq and other line readers take the first line too.
    private static readonly UTF8Encoding WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>The file.</summary>
    public string Path => path;

    /// <summary>Appends one entry as one line; concurrent callers never interleave.</summary>
    public async Task AppendAsync(JsonObject entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var line = Monitoring.Core.Notifications.NotificationJson.Serialize(entry) + "\n";
        await gate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
            await File.AppendAllTextAsync(path, line, WithoutBom, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The newest <paramref name="limit"/> entries, newest first; lines that are not JSON objects are skipped.</summary>
    public async Task<IReadOnlyList<JsonObject>> ReadLatestAsync(int limit, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        string[] lines;
        await gate.WaitAsync(cancellationToken);
        try
        {
            lines = await File.ReadAllLinesAsync(path, Encoding.UTF8, cancellationToken);
        }
        finally
        {
            gate.Release();
        }

        var entries = new List<JsonObject>();
        for (var i = lines.Length - 1; i >= 0 && entries.Count < limit; i--)
        {
            try
            {
                if (JsonNode.Parse(lines[i]) is JsonObject entry)
                {
                    entries.Add(entry);
                }
            }
            catch (System.Text.Json.JsonException)
            {
                // A torn last line after a crash: skip it rather than hide every other entry.
            }
        }

        return entries;
    }

    /// <inheritdoc/>
    public void Dispose() => gate.Dispose();
}
