using Monitoring.Core.Ports;
using Monitoring.Core.Secrets;
using Monitoring.Core.Spec;
using Monitoring.Functions.Notifications;

namespace Monitoring.Functions.Alerting;

/// <summary>
/// Builds the spec's channels. Channel URLs and headers are rendered from the environment once,
/// at start-up, and registered as secrets: a Teams Workflows URL carries its signature in the query.
/// </summary>
public sealed class ChannelFactory(HttpJsonDelivery delivery, IEmailSender email, OutboxFile outbox, IEnvironmentVariables environment, SecretRedactor redactor, TimeProvider time)
{
    /// <summary>Every channel of <paramref name="notifications"/>, plus the built-in outbox, by name.</summary>
    public IReadOnlyDictionary<string, INotificationChannel> Create(NotificationsSpec notifications)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        var scope = new TemplateScope(new Dictionary<string, string>(), environment, redactor);
        var channels = new Dictionary<string, INotificationChannel>(StringComparer.Ordinal)
        {
            [NotificationsSpec.OutboxChannel] = new OutboxChannel(NotificationsSpec.OutboxChannel, outbox, time),
        };

        foreach (var channel in notifications.Channels)
        {
            channels[channel.Name] = channel.Kind switch
            {
                ChannelKind.Teams => new TeamsChannel(channel.Name, Secret(channel.Url!, scope), delivery),
                ChannelKind.Webhook => new WebhookChannel(channel.Name, Secret(channel.Url!, scope), [.. channel.Headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value.Render(scope)))], delivery),
                ChannelKind.Email => new EmailChannel(channel.Name, channel.To, email),
                _ => new OutboxChannel(channel.Name, outbox, time),
            };
        }

        return channels;
    }

    private Uri Secret(Template url, TemplateScope scope)
    {
        var rendered = url.Render(scope);

        // The whole URL is a secret, whether or not it came from the environment: its query authorises posting.
        redactor.Register(rendered);
        return Uri.TryCreate(rendered, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? uri
            : throw new InvalidOperationException($"A notification channel URL is not an absolute https URL once rendered from '{url.Text}'.");
    }
}
