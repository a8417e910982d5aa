using System.Globalization;
using Monitoring.Core.Checks;
using Monitoring.Core.Spec;

namespace Monitoring.Core.Alerting;

/// <summary>
/// The alerts every check has, and the observations one run makes of them: the journey failing
/// (critical), the journey slow (warning, its own lower signal), and its TLS certificate close
/// to expiry (warning, never downtime).
/// </summary>
public static class CheckAlerts
{
    /// <summary>Fewer whole days left on a certificate than this breaches the certificate alert.</summary>
    public const int CertificateWarningDays = 14;

    /// <summary>The key of a check's failing alert.</summary>
    public static string FailingKey(string checkName) => "check:" + checkName;

    /// <summary>The key of a check's degraded alert.</summary>
    public static string DegradedKey(string checkName) => "degraded:" + checkName;

    /// <summary>The key of a check's certificate alert.</summary>
    public static string CertificateKey(string checkName) => "certificate:" + checkName;

    /// <summary>The key of a check's no-data alert.</summary>
    public static string NoDataKey(string checkName) => "no-data:" + checkName;

    /// <summary>
    /// How long a check may go without a stored run before its no-data alert breaches: three intervals (a run
    /// skipped because the last is still in flight is normal; three in a row is not) plus the longest a run may
    /// take, plus one 10-second tick of lateness.
    /// </summary>
    public static TimeSpan NoDataAfter(CheckSpec check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return (3 * check.Interval) + check.MaxDuration + TimeSpan.FromSeconds(10);
    }

    /// <summary>
    /// The no-data observation: breaching when an enabled check's newest stored run (or, before its first, the moment
    /// watching began) is older than <see cref="NoDataAfter"/>. A check that stops producing runs (a stuck scheduler,
    /// a store that refuses writes, a queue nobody drains) says nothing through its other alerts, so this one speaks.
    /// </summary>
    /// <param name="check">The check.</param>
    /// <param name="service">Its service, for team and runbook; null when it names none.</param>
    /// <param name="lastRunAt">When its newest stored run started, or null when it has none.</param>
    /// <param name="watchingSince">When this instance began watching (its start): a grace period for the first run.</param>
    /// <param name="now">The instant of the observation.</param>
    public static AlertObservation ObserveNoData(CheckSpec check, ServiceSpec? service, DateTimeOffset? lastRunAt, DateTimeOffset watchingSince, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(check);
        var since = lastRunAt is { } last && last > watchingSince ? last : watchingSince;
        var silent = now - since;
        var breaching = check.Enabled && silent > NoDataAfter(check);
        var summary = !check.Enabled ? $"{check.Name} is disabled."
            : lastRunAt is null ? string.Create(CultureInfo.InvariantCulture, $"{check.Name} has no stored run in the {Durations.Format(Whole(silent))} since watching began (expected every {Durations.Format(check.Interval)}).")
            : string.Create(CultureInfo.InvariantCulture, $"{check.Name} last ran at {lastRunAt.Value.UtcDateTime:u}, {Durations.Format(Whole(now - lastRunAt.Value))} ago (expected every {Durations.Format(check.Interval)}).");
        return new AlertObservation(NoData(check, service), breaching, summary, now);
    }

    /// <summary>The check's no-data alert: a warning that fires on the first stale observation and resolves on the first fresh one.</summary>
    public static AlertDefinition NoData(CheckSpec check, ServiceSpec? service) =>
        Define(check, service, NoDataKey(check.Name), $"{check.Name} has no data", AlertSource.NoData, AlertSeverity.Warning) with
        {
            Policy = AlertPolicy.Default with { FailureThreshold = 1, SuccessThreshold = 1, KeepFiringFor = null, FlappingKeepFiringFor = null },
        };

    /// <summary>The observations one run makes: failing and degraded always, certificate when the run saw one.</summary>
    public static IReadOnlyList<AlertObservation> Observe(CheckSpec check, ServiceSpec? service, CheckRunResult run)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(run);
        var at = run.StartedAt;
        var observations = new List<AlertObservation>
        {
            new(Failing(check, service), run.Outcome == CheckOutcome.Failed, FailingSummary(run), at),
            new(Degraded(check, service), run.Outcome == CheckOutcome.Degraded, DegradedSummary(run), at),
        };

        if (run.CertDaysLeft is { } days)
        {
            observations.Add(new AlertObservation(
                Certificate(check, service),
                days < CertificateWarningDays,
                string.Create(CultureInfo.InvariantCulture, $"The TLS certificate of {check.Name} expires in {days} days (warning below {CertificateWarningDays})."),
                at));
        }

        return observations;
    }

    /// <summary>
    /// Whether a run should be confirmed on the next 10-second tick rather than at the check's interval: a
    /// failure its failing alert has not fired for yet, or a recovery of a firing one. A real outage then
    /// yields several bad runs within the minute and fires at once, while a random blip is followed by a good
    /// run and ends there; the backtest models the same rule.
    /// </summary>
    /// <param name="failing">The check's failing alert after the run was observed, or null if never observed.</param>
    /// <param name="runFailed">True when the run failed.</param>
    public static bool NeedsConfirmation(AlertStatus? failing, bool runFailed) => failing?.Phase switch
    {
        AlertState.Pending => runFailed,
        AlertState.Firing => !runFailed && failing.ConsecutiveHealthy < failing.Definition.Policy.SuccessThreshold,
        _ => false,
    };

    /// <summary>The check's failing alert: fires after consecutive failed runs, as the check's <c>alert</c> section says.</summary>
    public static AlertDefinition Failing(CheckSpec check, ServiceSpec? service)
    {
        ArgumentNullException.ThrowIfNull(check);
        return Define(check, service, FailingKey(check.Name), $"{check.Name} failing", AlertSource.Check, check.Alert.Severity) with
        {
            Policy = AlertPolicy.Default with
            {
                FailureThreshold = check.Alert.FailureThreshold,
                SuccessThreshold = check.Alert.SuccessThreshold,
                KeepFiringFor = check.Alert.KeepFiringFor,
            },
        };
    }

    /// <summary>The check's degraded alert: a warning, and muted while the same check is failing.</summary>
    public static AlertDefinition Degraded(CheckSpec check, ServiceSpec? service) =>
        Define(check, service, DegradedKey(check.Name), $"{check.Name} degraded", AlertSource.Degraded, AlertSeverity.Warning) with
        {
            Policy = AlertPolicy.Default with { InhibitedBy = [FailingKey(check.Name)] },
        };

    /// <summary>The check's certificate alert: a warning that fires on the first run that sees the expiry close.</summary>
    public static AlertDefinition Certificate(CheckSpec check, ServiceSpec? service) =>
        Define(check, service, CertificateKey(check.Name), $"{check.Name} certificate expiring", AlertSource.Certificate, AlertSeverity.Warning) with
        {
            Policy = AlertPolicy.Default with { FailureThreshold = 1, SuccessThreshold = 1, KeepFiringFor = null },
        };

    private static AlertDefinition Define(CheckSpec check, ServiceSpec? service, string key, string name, AlertSource source, AlertSeverity severity) => new()
    {
        Key = key,
        Name = name,
        Source = source,
        Severity = severity,
        Service = check.Service,
        Team = service?.Team,
        RunbookUrl = service?.RunbookUrl?.AbsoluteUri,
        Labels = check.Labels.SetItem("check", check.Name),
    };

    private static TimeSpan Whole(TimeSpan span) => TimeSpan.FromSeconds(Math.Max(0, Math.Floor(span.TotalSeconds)));

    private static string FailingSummary(CheckRunResult run) => run.Outcome == CheckOutcome.Failed
        ? string.Create(CultureInfo.InvariantCulture, $"{run.CheckName} failed at step {run.FailedStep} ({run.ErrorKind?.ToWireName()}): {run.Message}")
        : string.Create(CultureInfo.InvariantCulture, $"{run.CheckName} passed ({run.Outcome}) in {run.DurationMs:0} ms.");

    private static string DegradedSummary(CheckRunResult run) => run.Outcome == CheckOutcome.Degraded
        ? $"{run.CheckName} is slow: {run.Message}"
        : string.Create(CultureInfo.InvariantCulture, $"{run.CheckName} {run.Outcome} in {run.DurationMs:0} ms.");
}
