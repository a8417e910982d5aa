using System.Collections.Immutable;
using Monitoring.Core.Notifications.Digests;
using Monitoring.Core.Ports;
using Monitoring.Core.Secrets;
using Monitoring.Core.Spec;
using Monitoring.Functions.Hosting;
using Monitoring.Functions.Notifications;

namespace Monitoring.Functions.Alerting;

/// <summary>
/// Builds the spec's channels. Channel URLs and headers are rendered from the environment once,
/// at start-up, and registered as secrets: a Teams Workflows URL carries its signature in the query.
/// Email channels keep their held messages and send ledger in the state store.
/// </summary>
public sealed class ChannelFactory(
    HttpJsonDelivery delivery,
    IEmailSender email,
    OutboxFile outbox,
    IEnvironmentVariables environment,
    SecretRedactor redactor,
    IStateStore store,
    ILoggerFactory loggers,
    TimeProvider time)
{
    /// <summary>How long an email send may take before another instance takes its digest back: ACS accepts in seconds.</summary>
    public static readonly TimeSpan EmailSendingLease = TimeSpan.FromMinutes(5);

    /// <summary>Every channel of the spec's notifications, plus the built-in outbox, by name.</summary>
    /// <exception cref="InvalidSpecException">A channel URL read from the environment is not an absolute https URL.</exception>
    public IReadOnlyDictionary<string, INotificationChannel> Create(SpecProvider spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var notifications = spec.Spec.Notifications;
        var errors = ImmutableArray.CreateBuilder<SpecError>();
        var scope = new TemplateScope(new Dictionary<string, string>(), environment, redactor);
        var channels = new Dictionary<string, INotificationChannel>(StringComparer.Ordinal)
        {
            [NotificationsSpec.OutboxChannel] = new OutboxChannel(NotificationsSpec.OutboxChannel, outbox, time),
        };

        foreach (var channel in notifications.Channels)
        {
            var url = channel.Url is null ? null : Secret(channel.Url, scope);
            if (channel.Url is not null && url is null)
            {
                // The message names the reference, never the value: the value is a secret.
                var field = channel.Kind == ChannelKind.Teams ? "teams" : "webhook";
                errors.Add(new SpecError($"notifications.channels.{channel.Name}.{field}.url", $"'{channel.Url.Text}' is not an absolute https URL once read from the environment", null, null));
                continue;
            }

            channels[channel.Name] = channel.Kind switch
            {
                ChannelKind.Teams => new TeamsChannel(channel.Name, url!, delivery),
                ChannelKind.Webhook => new WebhookChannel(channel.Name, url!, [.. channel.Headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value.Render(scope)))], delivery),
                ChannelKind.Email => new EmailChannel(channel.Name, channel.To, email,
                    new EmailDigestStore(store, channel.Name, new EmailDigestPolicy(channel.Rate ?? EmailRate.Default, EmailSendingLease)), time, loggers.CreateLogger<EmailChannel>()),
                _ => new OutboxChannel(channel.Name, outbox, time),
            };
        }

        return errors.Count == 0 ? channels : throw new InvalidSpecException(spec.Path, errors.ToImmutable());
    }

    private Uri? Secret(Template url, TemplateScope scope)
    {
        var rendered = url.Render(scope);

        // The whole URL is a secret, whether or not it came from the environment: its query authorises posting.
        redactor.Register(rendered);
        return Uri.TryCreate(rendered, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? uri : null;
    }
}
