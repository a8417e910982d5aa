using System.Collections.Immutable;

namespace Monitoring.Core.Alerting;

/// <summary>One alert as the spec (or an SLO, data check or certificate rule) declares it: identity, owners and policy.</summary>
public sealed record AlertDefinition
{
    /// <summary>Stable identity, e.g. <c>check:checkout</c> or <c>slo:checkout-availability:page</c>; the state store key.</summary>
    public required string Key
    {
        get;
        init
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value, nameof(Key));
            field = value;
        }
    }

    /// <summary>Human name.</summary>
    public required string Name { get; init; }

    /// <summary>What produces the observations.</summary>
    public required AlertSource Source { get; init; }

    /// <summary>How urgent it is.</summary>
    public AlertSeverity Severity { get; init; } = AlertSeverity.Critical;

    /// <summary>The owning service, if any.</summary>
    public string? Service { get; init; }

    /// <summary>The owning team, if any.</summary>
    public string? Team { get; init; }

    /// <summary>Where the on-call engineer starts, if anywhere.</summary>
    public string? RunbookUrl { get; init; }

    /// <summary>Labels for routing and silences (e.g. <c>slo</c>, <c>environment</c>).</summary>
    public ImmutableDictionary<string, string> Labels
    {
        get;
        init => field = value ?? ImmutableDictionary<string, string>.Empty;
    } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Thresholds, hysteresis and inhibition.</summary>
    public AlertPolicy Policy
    {
        get;
        init => field = value ?? AlertPolicy.Default;
    } = AlertPolicy.Default;
}
