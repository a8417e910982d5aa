using System.Collections.Immutable;

namespace Monitoring.Core.DataChecks;

/// <summary>Rows (and bytes, where the source knows them) in one requested range.</summary>
/// <param name="Rows">Rows, entities, blobs or records.</param>
/// <param name="Bytes">Bytes, or null when the source cannot tell.</param>
public sealed record DataVolume(long Rows, long? Bytes);

/// <summary>One column of a dataset's schema.</summary>
/// <param name="Name">The column name, as the source writes it.</param>
/// <param name="Type">The source's type name, lower case (kql types, SQL data types, JSON types).</param>
public sealed record SchemaColumn(string Name, string Type);

/// <summary>How a pipeline run stands.</summary>
public enum PipelineRunStatus
{
    /// <summary>Finished successfully.</summary>
    Succeeded,

    /// <summary>Finished with an error.</summary>
    Failed,

    /// <summary>Stopped before finishing.</summary>
    Cancelled,

    /// <summary>Queued or running.</summary>
    Running,
}

/// <summary>One pipeline run, as the source last reported it.</summary>
/// <param name="Pipeline">The pipeline's name.</param>
/// <param name="RunId">The run's id.</param>
/// <param name="Status">Its status, normalised.</param>
/// <param name="RawStatus">Its status as the source wrote it.</param>
/// <param name="Start">When it started, if known.</param>
/// <param name="End">When it finished, if it has.</param>
/// <param name="Error">The failure message or type the source gave, if any (redacted by the adapter).</param>
public sealed record PipelineRun(string Pipeline, string RunId, PipelineRunStatus Status, string RawStatus, DateTimeOffset? Start, DateTimeOffset? End, string? Error = null);

/// <summary>What one read of a source answered; each part is filled only when the request asked for it.</summary>
/// <param name="LastUpdated">When the data last changed; null when asked but the source holds no data.</param>
/// <param name="Volumes">One per requested range, in the request's order.</param>
/// <param name="Schema">The columns, in the source's order; default when not asked.</param>
/// <param name="Runs">Pipeline runs since the requested instant.</param>
public sealed record DataObservation(
    DateTimeOffset? LastUpdated,
    ImmutableArray<DataVolume> Volumes,
    ImmutableArray<SchemaColumn> Schema,
    ImmutableArray<PipelineRun> Runs)
{
    /// <summary>Nothing observed.</summary>
    public static DataObservation Empty { get; } = new(null, [], default, []);
}
