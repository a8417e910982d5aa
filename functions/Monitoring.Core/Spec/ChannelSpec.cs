using System.Collections.Immutable;

namespace Monitoring.Core.Spec;

/// <summary>What kind of destination a channel is.</summary>
public enum ChannelKind
{
    /// <summary>A Teams Workflows webhook URL (a secret: keep it in <c>${env:...}</c>).</summary>
    Teams,

    /// <summary>Email recipients; one digest per alert group.</summary>
    Email,

    /// <summary>Any HTTP endpoint taking the generic JSON payload.</summary>
    Webhook,

    /// <summary>The local outbox file.</summary>
    Outbox,
}

/// <summary>A named notification channel from the spec.</summary>
/// <param name="Name">Its name, used by routes.</param>
/// <param name="Kind">Teams, email, webhook or outbox.</param>
/// <param name="Url">For Teams and webhooks: the endpoint (a template, usually an environment reference).</param>
/// <param name="Headers">For webhooks: extra headers.</param>
/// <param name="To">For email: the recipients.</param>
/// <param name="Rate">For email: how fast the channel may send; null for other kinds.</param>
public sealed record ChannelSpec(string Name, ChannelKind Kind, Template? Url, ImmutableArray<HeaderSpec> Headers, ImmutableArray<string> To, EmailRate? Rate = null);
