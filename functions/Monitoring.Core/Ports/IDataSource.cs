using Monitoring.Core.DataChecks;
using Monitoring.Core.Spec;

namespace Monitoring.Core.Ports;

/// <summary>Reads one kind of data source (KQL, Azure Table, blob, HTTP JSON, SQL, Data Factory) for the data checks.</summary>
public interface IDataSource
{
    /// <summary>The source kind it reads, as <see cref="DataSourceSpec.Kind"/> writes it.</summary>
    string Kind { get; }

    /// <summary>
    /// Answers <paramref name="request"/> from <paramref name="source"/>. Throws <see cref="DataSourceException"/> when the
    /// source cannot be reached or answers nonsense, with a message free of secrets; honours the request's timeout.
    /// </summary>
    Task<DataObservation> ReadAsync(DataSourceSpec source, DataReadRequest request, CancellationToken cancellationToken);
}
