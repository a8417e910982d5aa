using Monitoring.Core.Results;

namespace Monitoring.Core.Ports;

/// <summary>Appends rows to the monitor tables (SQLite locally, Log Analytics in Azure).</summary>
public interface IResultsWriter
{
    /// <summary>Appends <paramref name="rows"/>; all rows must belong to one table. Returns once they are durable.</summary>
    Task AppendAsync(IReadOnlyList<TableRow> rows, CancellationToken cancellationToken);
}
