using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Monitoring.Core.Results;

namespace Monitoring.Infra.Tests.Support;

/// <summary>
/// Generates <c>infra/app/monitor-tables.json</c>, which the Bicep loads for the Log Analytics tables and the data
/// collection rule's streams, from the app's one definition of the monitor tables (<see cref="MonitorTables"/>).
/// </summary>
internal static class MonitorTablesJson
{
    /// <summary>The generated file, relative to the repository root.</summary>
    public const string RelativePath = "infra/app/monitor-tables.json";

    /// <summary>The environment variable that makes <c>MonitorTablesJsonTests</c> write the file instead of comparing it.</summary>
    public const string RegenerateVariable = "MONITORING_REGENERATE";

    /// <summary>How to regenerate the file.</summary>
    public const string RegenerateCommand =
        RegenerateVariable + "=1 dotnet test --project tests/Monitoring.Infra.Tests -- --filter-class Monitoring.Infra.Tests.MonitorTablesJsonTests";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The type a Log Analytics table column (<c>workspaces/tables</c> schema) has for <paramref name="type"/>.</summary>
    public static string TableColumnType(ColumnType type) => type switch
    {
        ColumnType.String => "string",
        ColumnType.Int => "int",
        ColumnType.Long => "long",
        ColumnType.Real => "real",
        ColumnType.Boolean => "boolean",
        ColumnType.DateTime => "dateTime",
        ColumnType.Dynamic => "dynamic",
        ColumnType.Guid => "guid",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "No Log Analytics column type."),
    };

    /// <summary>
    /// The type a data collection rule stream column has for <paramref name="type"/>: the same names, but <c>datetime</c>
    /// in lower case, and no <c>guid</c> (a GUID travels as text; the table column converts it).
    /// </summary>
    public static string StreamColumnType(ColumnType type) => type switch
    {
        ColumnType.DateTime => "datetime",
        ColumnType.Guid => "string",
        _ => TableColumnType(type),
    };

    /// <summary>The stream a table's rows are sent to: <c>Custom-&lt;Table&gt;</c>, the app's default.</summary>
    public static string StreamName(TableDefinition table) => "Custom-" + table.Name;

    /// <summary>The file's text for <paramref name="tables"/>.</summary>
    public static string Render(IEnumerable<TableDefinition> tables)
    {
        var root = new JsonObject
        {
            ["$comment"] = "Generated from functions/Monitoring.Core/Results/MonitorTables.cs; do not edit. Regenerate with: " + RegenerateCommand,
            ["tables"] = new JsonArray([.. tables.Select(table => (JsonNode)new JsonObject
            {
                ["name"] = table.Name,
                ["description"] = table.Description,
                ["stream"] = StreamName(table),
                ["columns"] = new JsonArray([.. table.Columns.Select(column => (JsonNode)new JsonObject
                {
                    ["name"] = column.Name,
                    ["type"] = TableColumnType(column.Type),
                    ["description"] = column.Description,
                })]),
                ["streamColumns"] = new JsonArray([.. table.Columns.Select(column => (JsonNode)new JsonObject
                {
                    ["name"] = column.Name,
                    ["type"] = StreamColumnType(column.Type),
                })]),
            })]),
        };
        return root.ToJsonString(Options) + "\n";
    }
}
