namespace Monitoring.Core.Alerting;

/// <summary>
/// One evaluation of an alert's condition: a check run, an SLO evaluation, a data check. The engine
/// takes one observation per alert per instant; a second one at the same or an earlier instant is
/// the same observation seen again and changes nothing.
/// </summary>
/// <param name="Definition">The alert the observation is about.</param>
/// <param name="Breaching">True when the condition is violated (failed run, burn above factor, stale data).</param>
/// <param name="Summary">What was seen, in one line (already redacted).</param>
/// <param name="At">When it was observed.</param>
public sealed record AlertObservation(AlertDefinition Definition, bool Breaching, string Summary, DateTimeOffset At);
