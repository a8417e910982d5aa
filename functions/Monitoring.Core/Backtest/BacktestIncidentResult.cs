using Monitoring.Core.Alerting;

namespace Monitoring.Core.Backtest;

/// <summary>How the alerting handled one incident.</summary>
/// <param name="Incident">The incident.</param>
/// <param name="Truth">What it deserved.</param>
/// <param name="WorstHourShare">The largest share of the budget (percent) it consumed in one hour.</param>
/// <param name="FirstNotification">Its first notification (page, ticket or no-data), or null when it had none.</param>
/// <param name="Detection">From the incident's start to its first notification; null without one.</param>
/// <param name="Reset">From the incident's end to the last resolved notification of its thread; null when nothing resolved.</param>
/// <param name="Notifications">Every notification attributed to it (firing, resolved, still-firing), any alert.</param>
/// <param name="PageFirings">Pages opened for it: firing notifications of a critical alert (the SLO's page or the check's failing alert).</param>
/// <param name="Paged">A page matched it: a page started between its start and its end plus the longest page long window.</param>
public sealed record BacktestIncidentResult(
    BacktestIncident Incident,
    BacktestTruth Truth,
    double WorstHourShare,
    AlertTransition? FirstNotification,
    TimeSpan? Detection,
    TimeSpan? Reset,
    int Notifications,
    int PageFirings,
    bool Paged);
