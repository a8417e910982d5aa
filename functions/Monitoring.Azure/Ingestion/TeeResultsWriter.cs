using Monitoring.Core.Ports;
using Monitoring.Core.Results;

namespace Monitoring.Azure.Ingestion;

/// <summary>
/// Writes every row to the embedded store first, then to Log Analytics: the app's own pages and APIs read the embedded
/// store, and Log Analytics is what workbooks, alert rules and SLI reads use. The embedded write comes first because it
/// is local and fast; a Log Analytics failure then surfaces to the caller with the local copy already kept.
/// </summary>
public sealed class TeeResultsWriter(IResultsWriter local, IResultsWriter remote) : IResultsWriter
{
    /// <inheritdoc/>
    public async Task AppendAsync(IReadOnlyList<TableRow> rows, CancellationToken cancellationToken)
    {
        await local.AppendAsync(rows, cancellationToken).ConfigureAwait(false);
        await remote.AppendAsync(rows, cancellationToken).ConfigureAwait(false);
    }
}
