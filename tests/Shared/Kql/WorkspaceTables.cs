using System.Collections.Immutable;
using Monitoring.Core.Results;

namespace Monitoring.Testing;

/// <summary>
/// Tables of a Log Analytics workspace that the product reads but does not deploy, declared for the KQL parser next to
/// the monitor tables: Data Factory's <c>ADFPipelineRun</c> and Application Insights' <c>AppRequests</c> and
/// <c>AppTraces</c>, as the Azure Monitor Logs table reference documents them, and a sample custom table that the
/// tests' data-check queries read.
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

    /// <summary>
    /// <c>AppRequests</c> (Azure Monitor Logs reference, "AppRequests"): workspace-based Application Insights request
    /// telemetry. The Functions host writes one row per function execution (timers and queues included), <c>Name</c>
    /// being the function and <c>Success</c> its result; the alert rule on failing executions reads it.
    /// </summary>
    public static TableDefinition AppRequests { get; } = new(
        "AppRequests",
        "Application Insights requests.",
        [
            .. AppCommon(),
            new("DurationMs", ColumnType.Real, "Milliseconds the request took."),
            new("Id", ColumnType.String, "Unique request id."),
            new("Name", ColumnType.String, "Human-readable name of the request (the function)."),
            new("PerformanceBucket", ColumnType.String, "Duration bucket."),
            new("ReferencedItemId", ColumnType.String, string.Empty),
            new("ReferencedType", ColumnType.String, string.Empty),
            new("ResultCode", ColumnType.String, "Result code returned."),
            new("Source", ColumnType.String, "Friendly name of the request source."),
            new("Success", ColumnType.Boolean, "Whether the request succeeded."),
            new("Url", ColumnType.String, "The request URL."),
        ]);

    /// <summary><c>AppTraces</c> (Azure Monitor Logs reference, "AppTraces"): the app's log lines, as its log exporter sends them.</summary>
    public static TableDefinition AppTraces { get; } = new(
        "AppTraces",
        "Application Insights traces.",
        [
            .. AppCommon(),
            new("Message", ColumnType.String, "The log message."),
            new("SeverityLevel", ColumnType.Int, "0 verbose, 1 information, 2 warning, 3 error, 4 critical."),
        ]);

    /// <summary>Every workspace table the parser knows besides the monitor tables.</summary>
    public static ImmutableArray<TableDefinition> All { get; } = [AdfPipelineRun, Orders, AppRequests, AppTraces];

    // The columns every workspace-based Application Insights table has.
    private static ColumnDefinition[] AppCommon() =>
    [
        new("TenantId", ColumnType.String, "The Log Analytics workspace ID."),
        new("TimeGenerated", ColumnType.DateTime, "When the telemetry was created."),
        new("AppRoleInstance", ColumnType.String, "Role instance of the application."),
        new("AppRoleName", ColumnType.String, "Role name of the application (a function app's site name)."),
        new("AppVersion", ColumnType.String, "Version of the application."),
        new("ClientBrowser", ColumnType.String, string.Empty),
        new("ClientCity", ColumnType.String, string.Empty),
        new("ClientCountryOrRegion", ColumnType.String, string.Empty),
        new("ClientIP", ColumnType.String, string.Empty),
        new("ClientModel", ColumnType.String, string.Empty),
        new("ClientOS", ColumnType.String, string.Empty),
        new("ClientStateOrProvince", ColumnType.String, string.Empty),
        new("ClientType", ColumnType.String, string.Empty),
        new("IKey", ColumnType.String, "Instrumentation key."),
        new("ItemCount", ColumnType.Int, "Telemetry items a sampled item stands for."),
        new("Measurements", ColumnType.Dynamic, "Application-defined measurements."),
        new("OperationId", ColumnType.String, "Application-defined operation id."),
        new("OperationName", ColumnType.String, "Application-defined name of the overall operation."),
        new("ParentId", ColumnType.String, "Id of the parent operation."),
        new("Properties", ColumnType.Dynamic, "Application-defined properties."),
        new("ResourceGUID", ColumnType.String, string.Empty),
        new("SDKVersion", ColumnType.String, string.Empty),
        new("SessionId", ColumnType.String, string.Empty),
        new("SourceSystem", ColumnType.String, string.Empty),
        new("SyntheticSource", ColumnType.String, string.Empty),
        new("UserAccountId", ColumnType.String, string.Empty),
        new("UserAuthenticatedId", ColumnType.String, string.Empty),
        new("UserId", ColumnType.String, string.Empty),
        new("Type", ColumnType.String, "The name of the table."),
        new("_ResourceId", ColumnType.String, "A unique identifier for the resource that the record is associated with."),
        new("_SubscriptionId", ColumnType.String, "A unique identifier for the subscription that the record is associated with."),
        new("_BilledSize", ColumnType.Real, "The record size in bytes."),
        new("_IsBillable", ColumnType.String, "Whether ingesting the data is billable."),
    ];
}
