using System.Collections.Immutable;

namespace Monitoring.Core.Alerting;

/// <summary>
/// When an alert fires, when it resolves, and what mutes it. The defaults suit a check run once a
/// minute: three failed runs in a row fire, and an incident resolves only after two good runs and
/// ten minutes without a failure, so a check that flaps every few minutes stays one incident; one that
/// comes back within an hour of resolving keeps firing for an hour after its last failure.
/// </summary>
public sealed record AlertPolicy
{
    /// <summary>The defaults: fire after 3 breaching observations, resolve after 2 healthy ones and 10 minutes without a breach.</summary>
    public static AlertPolicy Default { get; } = new();

    /// <summary>Consecutive breaching observations needed to fire (at least 1).</summary>
    public int FailureThreshold
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(FailureThreshold), value, "The failure threshold must be at least 1.");
    } = 3;

    /// <summary>Consecutive healthy observations needed to resolve (at least 1).</summary>
    public int SuccessThreshold
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(SuccessThreshold), value, "The success threshold must be at least 1.");
    } = 2;

    /// <summary>How long the condition must have been breaching, besides the failure threshold, before firing; null for no wait.</summary>
    public TimeSpan? PendingFor
    {
        get;
        init => field = value is null || value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(PendingFor), value, "The pending period must not be negative.");
    }

    /// <summary>
    /// How long after the last breaching observation a firing alert keeps firing, besides the success
    /// threshold; the hysteresis that turns a flapping condition into one incident. Null resolves on the success threshold alone.
    /// </summary>
    public TimeSpan? KeepFiringFor
    {
        get;
        init => field = value is null || value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(KeepFiringFor), value, "The keep-firing period must not be negative.");
    } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Flapping control: an incident that opens within this period of the previous incident resolving is
    /// flapping, and keeps firing until this long after its last breach (or <see cref="KeepFiringFor"/>, if
    /// longer). A failure that comes back every half hour is then one re-opened incident, not a page every
    /// half hour. Null switches it off.
    /// </summary>
    public TimeSpan? FlappingKeepFiringFor
    {
        get;
        init => field = value is null || value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(FlappingKeepFiringFor), value, "The flapping keep-firing period must not be negative.");
    } = TimeSpan.FromHours(1);

    /// <summary>
    /// Keys of alerts that mute this one while they fire, as Alertmanager's inhibition does: an SLO's
    /// ticket alert lists the same SLO's page alert, so one outage is one notification thread.
    /// </summary>
    public ImmutableArray<string> InhibitedBy
    {
        get;
        init => field = value.IsDefault ? [] : value;
    } = [];
}
