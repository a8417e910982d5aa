using System.Text.Json.Nodes;

namespace Monitoring.Functions.Tests.AzureAlerts;

/// <summary>
/// Payloads in the Azure Monitor common alert schema, shaped as the "Sample alert payloads" page documents them: a log
/// search alert (monitoringService "Log Alerts V2", custom properties in alertContext.properties, dimensions per
/// condition) from the module's critical transition rule, its resolution, and the documented metric alert sample.
/// </summary>
internal static class CommonAlertSamples
{
    public const string Workspace = "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-monitoring/providers/Microsoft.OperationalInsights/workspaces/log-abc";

    /// <summary>The critical transition rule firing for check:checkout, whose RunbookUrl dimension is the alert's runbook.</summary>
    public static string LogAlertV2Fired => $$"""
        {
          "schemaId": "azureMonitorCommonAlertSchema",
          "data": {
            "essentials": {
              "alertId": "/subscriptions/11111111-2222-3333-4444-555555555555/providers/Microsoft.AlertsManagement/alerts/aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e",
              "alertRule": "sqr-critical-alerts-abc",
              "severity": "Sev1",
              "signalType": "Log",
              "monitorCondition": "Fired",
              "monitoringService": "Log Alerts V2",
              "alertTargetIDs": ["{{Workspace}}"],
              "configurationItems": ["{{Workspace}}"],
              "originAlertId": "123c123d-1a23-1bf3-ba1d-dd1234ff5a67",
              "firedDateTime": "2026-11-23T09:41:05.1234567Z",
              "description": "A critical alert of the monitoring engine is firing (its latest transition in MonitorAlert_CL).",
              "essentialsVersion": "1.0",
              "alertContextVersion": "1.0"
            },
            "alertContext": {
              "properties": {
                "runbookUrl": "https://github.example.com/org/monitoring/blob/main/docs/runbooks/on-call.md",
                "source": "MonitorAlert_CL"
              },
              "conditionType": "LogQueryCriteria",
              "condition": {
                "windowSize": "PT5M",
                "allOf": [
                  {
                    "searchQuery": "MonitorAlert_CL\n| where Severity == \"critical\"\n| summarize arg_max(TimeGenerated, State, AlertName, Service, RunbookUrl) by AlertKey\n",
                    "metricMeasureColumn": null,
                    "targetResourceTypes": "['Microsoft.OperationalInsights/workspaces']",
                    "operator": "GreaterThan",
                    "threshold": "0",
                    "timeAggregation": "Count",
                    "dimensions": [
                      { "name": "AlertKey", "value": "check:checkout" },
                      { "name": "AlertName", "value": "checkout failing" },
                      { "name": "Service", "value": "shop" },
                      { "name": "RunbookUrl", "value": "https://github.example.com/org/monitoring/blob/main/docs/runbooks/journey-down.md" }
                    ],
                    "metricValue": 1.0,
                    "failingPeriods": { "numberOfEvaluationPeriods": 1, "minFailingPeriodsToAlert": 1 },
                    "linkToSearchResultsUI": "https://portal.azure.com#@tenant/blade/Microsoft_Azure_Monitoring_Logs/LogsBlade/source/Alerts.EmailLinks",
                    "linkToFilteredSearchResultsUI": "https://portal.azure.com#@tenant/blade/Microsoft_Azure_Monitoring_Logs/LogsBlade/source/Alerts.EmailLinks",
                    "linkToSearchResultsAPI": "https://api.loganalytics.io/v1/workspaces/abc/query",
                    "linkToFilteredSearchResultsAPI": "https://api.loganalytics.io/v1/workspaces/abc/query"
                  }
                ],
                "windowStartTime": "2026-11-21T09:36:05Z",
                "windowEndTime": "2026-11-23T09:41:05Z"
              }
            },
            "customProperties": null
          }
        }
        """;

    /// <summary>The same alert resolved.</summary>
    public static string LogAlertV2Resolved => Mutate(LogAlertV2Fired, essentials =>
    {
        essentials["monitorCondition"] = "Resolved";
        essentials["resolvedDateTime"] = "2026-11-23T10:06:12.5Z";
    });

    /// <summary>The documented metric alert sample: resolved, Sev3, no runbook anywhere, custom properties in data.customProperties.</summary>
    public static string MetricResolved => """
        {
          "schemaId": "azureMonitorCommonAlertSchema",
          "data": {
            "essentials": {
              "alertId": "/subscriptions/11111111-2222-3333-4444-555555555555/providers/Microsoft.AlertsManagement/alerts/b9569717-bc32-442f-add5-83a997729330",
              "alertRule": "WCUS-R2-Gen2",
              "severity": "Sev3",
              "signalType": "Metric",
              "monitorCondition": "Resolved",
              "monitoringService": "Platform",
              "alertTargetIDs": ["/subscriptions/11111111-2222-3333-4444-555555555555/resourcegroups/pipelinealertrg/providers/microsoft.compute/virtualmachines/wcus-r2-gen2"],
              "configurationItems": ["wcus-r2-gen2"],
              "originAlertId": "3f2d4487-b0fc-4125-8bd5-7ad17384221e_PipeLineAlertRG_microsoft.insights_metricAlerts_WCUS-R2-Gen2_-117781227",
              "firedDateTime": "2019-03-22T13:58:24.3713213Z",
              "resolvedDateTime": "2019-03-22T14:03:16.2246313Z",
              "description": "",
              "essentialsVersion": "1.0",
              "alertContextVersion": "1.0"
            },
            "alertContext": {
              "properties": null,
              "conditionType": "SingleResourceMultipleMetricCriteria",
              "condition": {
                "windowSize": "PT5M",
                "allOf": [
                  {
                    "metricName": "Percentage CPU",
                    "metricNamespace": "Microsoft.Compute/virtualMachines",
                    "operator": "GreaterThan",
                    "threshold": "25",
                    "timeAggregation": "Average",
                    "dimensions": [
                      { "name": "ResourceId", "value": "3efad9dc-3d50-4eac-9c87-8b3fd6f97e4e" }
                    ],
                    "metricValue": 7.727
                  }
                ]
              }
            },
            "customProperties": { "Key1": "Value1", "Key2": "Value2" }
          }
        }
        """;

    /// <summary><paramref name="payload"/> with its essentials changed by <paramref name="edit"/>.</summary>
    public static string Mutate(string payload, Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(payload)!.AsObject();
        edit(root["data"]!["essentials"]!.AsObject());
        return root.ToJsonString();
    }
}
