namespace Monitoring.Core.Spec;

/// <summary>
/// How fast one email channel may send. Azure-managed ACS domains allow 10 emails an hour (and 5 a
/// minute), so email is sent as digests under a hard hourly budget, Alertmanager-style: the first
/// email of a burst waits <see cref="GroupWait"/>, and two digests are at least <see cref="GroupInterval"/> apart.
/// </summary>
/// <param name="MaxPerHour">Digests at most in any sliding hour.</param>
/// <param name="GroupWait">How long the first held alert waits for others, so a burst goes in one digest.</param>
/// <param name="GroupInterval">The least time between two digests of the channel.</param>
public sealed record EmailRate(int MaxPerHour, TimeSpan GroupWait, TimeSpan GroupInterval)
{
    /// <summary>The fewest emails an hour a channel may be given.</summary>
    public const int MinPerHour = 1;

    /// <summary>The most emails an hour a channel may be given (a custom domain allows 100; raised quotas more).</summary>
    public const int MaxPerHourLimit = 1000;

    /// <summary>The longest group wait: a longer one would hide an incident from its email.</summary>
    public static TimeSpan MaxGroupWait { get; } = TimeSpan.FromMinutes(10);

    /// <summary>The shortest group interval: 15 s keeps one channel under a managed domain's 5 emails a minute.</summary>
    public static TimeSpan MinGroupInterval { get; } = TimeSpan.FromSeconds(15);

    /// <summary>The longest group interval.</summary>
    public static TimeSpan MaxGroupInterval { get; } = TimeSpan.FromHours(1);

    /// <summary>10 an hour (the Azure-managed domain's limit), a 30 s group wait, 5 min between digests.</summary>
    public static EmailRate Default { get; } = new(10, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5));
}
