using Monitoring.Functions.AzureAlerts;

namespace Monitoring.Functions.Hosting;

/// <summary>App settings, bound from the <c>Monitoring</c> configuration section (environment: <c>Monitoring__SpecPath</c> and so on).</summary>
public sealed class MonitoringOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Monitoring";

    /// <summary>The spec file; relative paths are taken from the app's folder. Default <c>monitoring.yaml</c>.</summary>
    public string SpecPath { get; set; } = "monitoring.yaml";

    /// <summary>The embedded database file; relative paths are taken from the content root. Default <c>data/monitoring.db</c>.</summary>
    public string DatabasePath { get; set; } = Path.Combine("data", "monitoring.db");

    /// <summary>The local notification outbox (JSON lines); relative paths are taken from the content root. Default <c>data/outbox.jsonl</c>.</summary>
    public string OutboxPath { get; set; } = Path.Combine("data", "outbox.jsonl");

    /// <summary>The Azure Tables table that holds alert state, silences and leases when <c>AzureWebJobsStorage</c> is set. Default <c>MonitorState</c>.</summary>
    public string StateTable { get; set; } = "MonitorState";

    /// <summary>The Azure Tables table of the ingestion spool, when results go to Log Analytics and a storage account is set. Default <c>MonitorSpool</c>.</summary>
    public string SpoolTable { get; set; } = "MonitorSpool";

    /// <summary>
    /// Fan checks out over a Storage queue (<c>CheckDispatch</c> enqueues, <c>RunChecks</c> runs) instead of running them
    /// in the timer's process. Needs <c>AzureWebJobsStorage</c>. Off by default.
    /// </summary>
    public bool FanOut { get; set; }

    /// <summary>The queue of the fan-out; it must match the <c>queueName</c> in <c>RunChecks/function.json</c>. Default <c>check-runs</c>.</summary>
    public string CheckQueue { get; set; } = "check-runs";

    /// <summary>Checks per fan-out message. Default 10.</summary>
    public int FanOutBatchSize { get; set; } = 10;

    /// <summary>How long the embedded store keeps results.</summary>
    public int RetentionDays { get; set; } = 30;

    /// <summary>Serve the demo shop under <c>/demo</c>. Never honoured under the Functions host or in Azure.</summary>
    public bool Demo { get; set; } = true;

    /// <summary>Run the local scheduler when no Functions host drives the timers.</summary>
    public bool Scheduler { get; set; } = true;

    /// <summary>Run the check cycle once at start-up, locally, instead of waiting for the first minute.</summary>
    public bool RunOnStartup { get; set; } = true;

    /// <summary>
    /// When set, HTTP functions with <c>authLevel: function</c> require this key (header
    /// <c>x-functions-key</c> or query <c>code</c>) in standalone runs. Under the Functions host
    /// the host checks keys itself.
    /// </summary>
    public string? FunctionKey { get; set; }

    /// <summary>The <c>alerts/azure</c> webhook: where Azure Monitor alerts are posted (<c>Monitoring__AzureAlerts__TeamsWebhookUrl</c>).</summary>
    public AzureAlertsOptions AzureAlerts { get; set; } = new();
}
