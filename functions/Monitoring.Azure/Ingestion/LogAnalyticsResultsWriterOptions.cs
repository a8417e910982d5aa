namespace Monitoring.Azure.Ingestion;

/// <summary>Where <see cref="LogAnalyticsResultsWriter"/> sends each monitor table.</summary>
public sealed class LogAnalyticsResultsWriterOptions
{
    /// <summary>The data collection rule's immutable id (<c>dcr-…</c>).</summary>
    public required string RuleId { get; init; }

    /// <summary>
    /// Stream names by table name, for tables whose stream does not follow the <c>Custom-&lt;TableName&gt;</c>
    /// convention.
    /// </summary>
    public IReadOnlyDictionary<string, string> Streams { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The stream rows of <paramref name="tableName"/> go to.</summary>
    public string StreamFor(string tableName) =>
        Streams.TryGetValue(tableName, out var stream) ? stream : "Custom-" + tableName;
}
