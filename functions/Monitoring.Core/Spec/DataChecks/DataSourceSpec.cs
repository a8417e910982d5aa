using System.Collections.Immutable;

namespace Monitoring.Core.Spec;

/// <summary>Where a data check's observations come from. One subtype per source kind in the spec.</summary>
public abstract record DataSourceSpec
{
    /// <summary>The kind as the spec writes it: kql, table, blob, http, sql or adf.</summary>
    public abstract string Kind { get; }

    /// <summary>The app setting a table or blob source reads its storage connection from when it names none: the Functions host's own storage.</summary>
    public const string DefaultStorageConnection = "AzureWebJobsStorage";
}

/// <summary>
/// A Log Analytics query. <see cref="Query"/> answers one row with any of the columns <c>LastUpdated</c> (datetime),
/// <c>RowCount</c> (long) and <c>Bytes</c> (long) for the range <c>From</c>..<c>To</c> (KQL <c>let</c> values the
/// app prepends, with <c>Now</c>). <see cref="SchemaQuery"/> answers the schema: either rows of <c>ColumnName</c> and
/// <c>ColumnType</c> (as <c>getschema</c> does) or, otherwise, its own columns. <see cref="RunsQuery"/> answers
/// pipeline runs: <c>PipelineName</c>, <c>RunId</c>, <c>Status</c>, <c>Start</c>, <c>End</c> since <c>From</c>.
/// </summary>
/// <param name="Query">Last-updated time and counts.</param>
/// <param name="SchemaQuery">The schema, for the schema rule.</param>
/// <param name="RunsQuery">Pipeline runs, for the pipeline rule.</param>
public sealed record KqlSourceSpec(string? Query, string? SchemaQuery, string? RunsQuery) : DataSourceSpec
{
    /// <inheritdoc/>
    public override string Kind => "kql";
}

/// <summary>An Azure Storage table: the newest entity <c>Timestamp</c>, and entities per range.</summary>
/// <param name="Connection">The app setting (or prefix, as Functions bindings name it) that holds the storage connection; AzureWebJobsStorage by default.</param>
/// <param name="Table">The table.</param>
/// <param name="PartitionKey">Only this partition, when given.</param>
public sealed record TableSourceSpec(string Connection, string Table, string? PartitionKey) : DataSourceSpec
{
    /// <inheritdoc/>
    public override string Kind => "table";
}

/// <summary>An Azure Storage blob container, or the blobs under a prefix: the newest blob's last-modified time, and blobs and bytes per range.</summary>
/// <param name="Connection">The app setting (or prefix) that holds the storage connection; AzureWebJobsStorage by default.</param>
/// <param name="Container">The container.</param>
/// <param name="Prefix">Only blobs whose names start with this, when given.</param>
public sealed record BlobSourceSpec(string Connection, string Container, string? Prefix) : DataSourceSpec
{
    /// <inheritdoc/>
    public override string Kind => "blob";
}

/// <summary>
/// A JSON document fetched over HTTP (a feed, a pipeline's REST API), its values picked by JSONPath. Counts and the
/// schema come from <see cref="Items"/>; a pipeline run from <see cref="Status"/> (with <see cref="StartedAt"/> and
/// <see cref="EndedAt"/>).
/// </summary>
/// <param name="Url">The document's URL (a template: environment references allowed).</param>
/// <param name="Headers">Headers sent with the request (templates; keep secrets in environment references).</param>
/// <param name="Timestamp">JSONPath of the last-updated time.</param>
/// <param name="Items">JSONPath of the array of records: their number is the row count, their fields the schema.</param>
/// <param name="Count">JSONPath of a row count, when the document states one (instead of counting <see cref="Items"/>).</param>
/// <param name="Status">JSONPath of a pipeline run's status.</param>
/// <param name="StartedAt">JSONPath of the run's start.</param>
/// <param name="EndedAt">JSONPath of the run's end.</param>
/// <param name="SuccessValues">Status values that mean success (case-insensitive); Succeeded, Success and OK unless given.</param>
/// <param name="RunningValues">Status values that mean still running (case-insensitive); InProgress, Running, Queued unless given.</param>
public sealed record HttpJsonSourceSpec(
    Template Url,
    ImmutableArray<HeaderSpec> Headers,
    string? Timestamp,
    string? Items,
    string? Count,
    string? Status,
    string? StartedAt,
    string? EndedAt,
    ImmutableArray<string> SuccessValues,
    ImmutableArray<string> RunningValues) : DataSourceSpec
{
    /// <inheritdoc/>
    public override string Kind => "http";

    /// <summary>Success statuses when the spec gives none.</summary>
    public static ImmutableArray<string> DefaultSuccessValues { get; } = ["Succeeded", "Success", "OK"];

    /// <summary>Running statuses when the spec gives none.</summary>
    public static ImmutableArray<string> DefaultRunningValues { get; } = ["InProgress", "Running", "Queued"];
}

/// <summary>The database engines a SQL source reaches.</summary>
public enum SqlProvider
{
    /// <summary>Azure SQL and SQL Server, through Microsoft.Data.SqlClient.</summary>
    SqlServer,

    /// <summary>PostgreSQL (incl. Azure Database for PostgreSQL), through Npgsql.</summary>
    Postgres,
}

/// <summary>
/// A SQL database through ADO.NET. <see cref="Query"/> answers one row with any of the columns <c>last_updated</c>,
/// <c>row_count</c> and <c>bytes</c> (case and underscores ignored) for the parameters <c>@from</c>, <c>@to</c> and
/// <c>@now</c>. <see cref="SchemaQuery"/> answers rows of <c>column_name</c> and <c>data_type</c> (as
/// <c>information_schema.columns</c> does). <see cref="RunsQuery"/> answers <c>pipeline_name</c>, <c>run_id</c>,
/// <c>status</c>, <c>start</c>, <c>end</c> for runs since <c>@from</c>. Connecting is its own signal, bounded by the
/// check's timeout.
/// </summary>
/// <param name="Provider">SQL Server or PostgreSQL.</param>
/// <param name="ConnectionString">The connection string: an environment reference, since it usually holds a secret.</param>
/// <param name="Query">Last-updated time and counts.</param>
/// <param name="SchemaQuery">The schema, for the schema rule.</param>
/// <param name="RunsQuery">Pipeline runs, for the pipeline rule.</param>
public sealed record SqlSourceSpec(SqlProvider Provider, Template ConnectionString, string? Query, string? SchemaQuery, string? RunsQuery) : DataSourceSpec
{
    /// <inheritdoc/>
    public override string Kind => "sql";
}

/// <summary>
/// Azure Data Factory pipeline runs from the <c>ADFPipelineRun</c> table of the Log Analytics workspace (diagnostic
/// settings in resource-specific mode). Each run has several rows, so its latest row (<c>arg_max(TimeGenerated, *) by RunId</c>) is the run.
/// </summary>
/// <param name="Pipelines">Only these pipelines; every pipeline when empty.</param>
/// <param name="Factory">Only runs of this factory (its resource name), when given.</param>
public sealed record AdfSourceSpec(ImmutableArray<string> Pipelines, string? Factory) : DataSourceSpec
{
    /// <inheritdoc/>
    public override string Kind => "adf";
}
