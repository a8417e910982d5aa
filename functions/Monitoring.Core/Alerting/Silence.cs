using System.Collections.Immutable;

namespace Monitoring.Core.Alerting;

/// <summary>
/// Mutes the alerts that match every matcher from <see cref="StartsAt"/> (inclusive) until
/// <see cref="EndsAt"/> (exclusive). A manual silence is stored by the engine; a maintenance window is
/// the same record produced from the spec for the instant being evaluated.
/// </summary>
public sealed record Silence
{
    /// <summary>Unique id, e.g. <c>deploy-2026-03-14</c> or <c>maintenance:nightly-backup@2026-03-14T02:00Z</c>.</summary>
    public required string Id
    {
        get;
        init
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value, nameof(Id));
            field = value;
        }
    }

    /// <summary>All must match; at least one, because a silence of everything would hide every outage.</summary>
    public required ImmutableArray<AlertMatcher> Matchers
    {
        get;
        init => field = !value.IsDefaultOrEmpty ? value : throw new ArgumentException("A silence needs at least one matcher.", nameof(Matchers));
    }

    /// <summary>When it starts muting.</summary>
    public required DateTimeOffset StartsAt { get; init; }

    /// <summary>When it stops muting; an expired silence ends early by moving this.</summary>
    public required DateTimeOffset EndsAt { get; init; }

    /// <summary>Who created it, if known.</summary>
    public string? CreatedBy { get; init; }

    /// <summary>Why, if said.</summary>
    public string? Comment { get; init; }

    /// <summary>True from <see cref="StartsAt"/> until just before <see cref="EndsAt"/>.</summary>
    public bool IsActiveAt(DateTimeOffset at) => StartsAt <= at && at < EndsAt;

    /// <summary>True when every matcher matches <paramref name="definition"/>.</summary>
    public bool Matches(AlertDefinition definition) => Matchers.All(m => m.Matches(definition));
}
