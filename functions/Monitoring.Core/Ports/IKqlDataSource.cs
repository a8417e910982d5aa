using Monitoring.Core.DataSources;

namespace Monitoring.Core.Ports;

/// <summary>
/// Runs a data check's KQL query (a last-updated time, a row count, a schema) and answers its first table. Log
/// Analytics in Azure; the embedded store has no KQL, so there such checks are reported as not evaluable.
/// </summary>
public interface IKqlDataSource
{
    /// <summary>Runs <paramref name="query"/> over the last <paramref name="timespan"/>; a query that fails, or answers only in part, throws.</summary>
    Task<KqlTable> QueryAsync(string query, TimeSpan timespan, CancellationToken cancellationToken);
}
