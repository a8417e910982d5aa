namespace Monitoring.Core.Spec;

/// <summary>What an SLO's budget counts.</summary>
public enum SloBudgeting
{
    /// <summary>Events: every check run is one good or bad event (the default).</summary>
    Occurrences,

    /// <summary>One-minute slices: a minute is good when every event in it is good; minutes without events do not count.</summary>
    Timeslices,
}
