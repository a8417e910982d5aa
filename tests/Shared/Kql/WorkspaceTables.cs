using System.Collections.Immutable;
using Monitoring.Core.Results;

namespace Monitoring.Testing;

/// <summary>
/// Tables of a Log Analytics workspace that the product reads but does not deploy, declared for the KQL parser next to
/// the monitor tables: Data Factory's <c>ADFPipelineRun</c>, as the Azure Monitor Logs table reference documents it,
/// and a sample custom table that the tests' data-check queries read.
/// </summary>
public static class WorkspaceTables
{
    /// <summary>
    /// <c>ADFPipelineRun</c> (Azure Monitor Logs reference, "ADFPipelineRun"): one row per pipeline-run status change of
    /// a data factory whose diagnostic settings send PipelineRuns in resource-specific mode.
    /// </summary>
    public static TableDefinition AdfPipelineRun { get; } = new(
        "ADFPipelineRun",
        "Data Factory pipeline runs.",
        [
            new("TenantId", ColumnType.String, "The Log Analytics workspace ID."),
            new("SourceSystem", ColumnType.String, "The type of agent the event was collected by."),
            new("TimeGenerated", ColumnType.DateTime, "When the row was generated."),
            new("ResourceId", ColumnType.String, "The factory's resource id."),
            new("OperationName", ColumnType.String, string.Empty),
            new("Category", ColumnType.String, "PipelineRuns."),
            new("CorrelationId", ColumnType.String, string.Empty),
            new("Level", ColumnType.String, string.Empty),
            new("Location", ColumnType.String, string.Empty),
            new("Tags", ColumnType.String, string.Empty),
            new("Status", ColumnType.String, "Queued, InProgress, Succeeded, Failed, Cancelled."),
            new("UserProperties", ColumnType.String, string.Empty),
            new("Annotations", ColumnType.String, string.Empty),
            new("EventMessage", ColumnType.String, string.Empty),
            new("Start", ColumnType.DateTime, "When the run started."),
            new("End", ColumnType.DateTime, "When the run ended."),
            new("PipelineName", ColumnType.String, string.Empty),
            new("RunId", ColumnType.String, string.Empty),
            new("Parameters", ColumnType.String, string.Empty),
            new("SystemParameters", ColumnType.String, string.Empty),
            new("Predecessors", ColumnType.String, string.Empty),
            new("FailureType", ColumnType.String, string.Empty),
            new("ErrorCode", ColumnType.String, string.Empty),
            new("ErrorMessage", ColumnType.String, string.Empty),
            new("Input", ColumnType.String, string.Empty),
            new("Output", ColumnType.String, string.Empty),
            new("Type", ColumnType.String, "The name of the table."),
            new("_ResourceId", ColumnType.String, "A unique identifier for the resource that the record is associated with."),
            new("_SubscriptionId", ColumnType.String, "A unique identifier for the subscription that the record is associated with."),
            new("_BilledSize", ColumnType.Real, "The record size in bytes."),
            new("_IsBillable", ColumnType.String, "Whether ingesting the data is billable."),
        ]);

    /// <summary>A custom table a team's pipeline fills, which the tests' kql data checks watch.</summary>
    public static TableDefinition Orders { get; } = new(
        "Orders_CL",
        "A sample custom table.",
        [
            new("TimeGenerated", ColumnType.DateTime, "When the row was ingested."),
            new("OrderId", ColumnType.String, "The order."),
            new("Region", ColumnType.String, "Where it was placed."),
            new("Amount", ColumnType.Real, "Its amount."),
            new("_BilledSize", ColumnType.Real, "The record size in bytes."),
        ]);

    /// <summary>Every workspace table the parser knows besides the monitor tables.</summary>
    public static ImmutableArray<TableDefinition> All { get; } = [AdfPipelineRun, Orders];
}
