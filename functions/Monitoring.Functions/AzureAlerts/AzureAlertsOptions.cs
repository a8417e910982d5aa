namespace Monitoring.Functions.AzureAlerts;

/// <summary>Settings of the <c>alerts/azure</c> webhook, bound from <c>Monitoring:AzureAlerts</c> (environment: <c>Monitoring__AzureAlerts__...</c>).</summary>
public sealed class AzureAlertsOptions
{
    /// <summary>The app setting that holds <see cref="TeamsWebhookUrl"/>, as people set it.</summary>
    public const string TeamsWebhookUrlSetting = "Monitoring__AzureAlerts__TeamsWebhookUrl";

    /// <summary>
    /// The Teams Workflows URL ("When a Teams webhook request is received") Azure Monitor alerts are posted to, as an
    /// Adaptive Card. A secret: it carries the <c>sig=</c> token; keep it in a Key Vault reference.
    /// </summary>
    public string? TeamsWebhookUrl { get; set; }
}
