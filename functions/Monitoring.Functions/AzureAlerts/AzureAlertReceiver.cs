using System.Text.Json;
using System.Text.Json.Nodes;
using Monitoring.Core.Alerting;
using Monitoring.Core.Notifications;
using Monitoring.Core.Secrets;
using Monitoring.Functions.Alerting;
using Monitoring.Functions.Hosting;
using Monitoring.Functions.Notifications;

namespace Monitoring.Functions.AzureAlerts;

/// <summary>
/// Receives Azure Monitor alerts (the action groups' webhook into <c>alerts/azure</c>, common alert schema) and posts
/// each to Teams as an Adaptive Card through the app's own Teams delivery, recording the delivery in the delivery log
/// under the route <see cref="Route"/>. An alert is never lost: whatever cannot be read or delivered is logged whole.
/// </summary>
public sealed partial class AzureAlertReceiver(
    MonitoringOptions options,
    NotificationDispatcher dispatcher,
    HttpJsonDelivery delivery,
    RunbookLinks runbooks,
    SpecProvider spec,
    SecretRedactor redactor,
    ILogger<AzureAlertReceiver> logger)
{
    /// <summary>The route Azure alerts are recorded under in the delivery log.</summary>
    public const string Route = "azure-monitor";

    /// <summary>The channel Azure alerts are recorded under in the delivery log.</summary>
    public const string Channel = "azure-alerts-teams";

    /// <summary>The largest body read: the common schema caps a payload at 256 KB.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    // How much of a payload a log line keeps.
    private const int LoggedPayloadChars = 32 * 1024;

    /// <summary>Reads, validates and delivers one payload; the answer says what happened, as problem details when it failed.</summary>
    public async Task<IResult> ReceiveAsync(string body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        JsonNode? json;
        try
        {
            json = JsonNode.Parse(body);
        }
        catch (JsonException exception)
        {
            Rejected(logger, exception.Message, Logged(body));
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not valid JSON.", detail: exception.Message);
        }

        var (alert, errors) = CommonAlertReader.Read(json);
        if (alert is null)
        {
            Rejected(logger, string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")), Logged(body));
            return Results.ValidationProblem(errors, title: "The body is not an Azure Monitor alert in the common alert schema.",
                detail: "Azure Monitor action groups send it when the receiver's useCommonAlertSchema is true.");
        }

        var condition = alert.Resolved ? "Resolved" : "Fired";
        var engineKey = alert.Dimension("AlertKey");
        Received(logger, alert.AlertRule, alert.Severity, condition, engineKey);
        var notification = AzureAlertNotifications.From(alert, runbooks.For(Runbooks.OnCall), spec.Spec.Notifications.StatusPageUrl);
        var message = new NotificationMessage(AzureAlertNotifications.GroupKey(alert), [notification]);

        var url = options.AzureAlerts.TeamsWebhookUrl;
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url, UriKind.Absolute, out var teams) || teams.Scheme != Uri.UriSchemeHttps)
        {
            // The reason names the setting, never its value: the value is a secret.
            var reason = string.IsNullOrWhiteSpace(url)
                ? $"the app setting {AzureAlertsOptions.TeamsWebhookUrlSetting} is not set"
                : $"the app setting {AzureAlertsOptions.TeamsWebhookUrlSetting} is not an absolute https URL";
            await dispatcher.RecordUndeliverableAsync(Route, Channel, "teams", message, reason, cancellationToken);
            Undelivered(logger, alert.AlertRule, alert.Severity, reason, Logged(body));
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Azure alerts cannot be posted to Teams.",
                detail: $"Set {AzureAlertsOptions.TeamsWebhookUrlSetting} to the Teams Workflows URL (a secret: a Key Vault reference in Azure). Until then {reason}; the alert was logged.");
        }

        var record = await dispatcher.DeliverToAsync(Route, new TeamsChannel(Channel, teams, delivery), message, cancellationToken);
        if (!record.Result.Delivered)
        {
            Undelivered(logger, alert.AlertRule, alert.Severity, record.Result.Error ?? "not accepted", Logged(body));
            return Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Teams did not accept the alert.",
                detail: $"{record.Result.Error} after {record.Result.Attempts} attempt(s); the alert was logged.");
        }

        return Results.Ok(new
        {
            delivered = true,
            alertKey = notification.AlertKey,
            severity = notification.Severity,
            state = NotificationText.State(notification.Kind),
            runbookUrl = notification.RunbookUrl?.AbsoluteUri,
            attempts = record.Result.Attempts,
        });
    }

    private string Logged(string body) => redactor.Redact(body.Length <= LoggedPayloadChars ? body : body[..LoggedPayloadChars] + "…")!;

    [LoggerMessage(EventId = 530, Level = LogLevel.Information, Message = "Azure alert {AlertRule} ({Severity}) {MonitorCondition} received (alert key {AlertKey})")]
    private static partial void Received(ILogger logger, string alertRule, string severity, string monitorCondition, string? alertKey);

    [LoggerMessage(EventId = 531, Level = LogLevel.Warning, Message = "Rejected a payload on alerts/azure: {Problems}. Payload: {Payload}")]
    private static partial void Rejected(ILogger logger, string problems, string payload);

    [LoggerMessage(EventId = 532, Level = LogLevel.Error, Message = "Azure alert {AlertRule} ({Severity}) was not posted to Teams: {Error}. Payload: {Payload}")]
    private static partial void Undelivered(ILogger logger, string alertRule, string severity, string error, string payload);
}
