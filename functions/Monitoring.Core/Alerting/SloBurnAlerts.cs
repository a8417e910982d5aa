using System.Collections.Immutable;
using System.Globalization;
using Monitoring.Core.Slo;
using Monitoring.Core.Spec;

namespace Monitoring.Core.Alerting;

/// <summary>
/// The alerts every SLO has, and the observations one evaluation makes of them: the page (critical, any page pair
/// fires), the ticket (warning, any ticket pair fires, inhibited by the page so one outage is one thread) and
/// no-data (warning, the shortest window is empty, never a burn).
/// </summary>
public static class SloBurnAlerts
{
    /// <summary>
    /// Fire on the first breaching evaluation: the burn-rate windows already debounce (a pair needs its long window
    /// burnt and <see cref="SloAlertingSpec.MinBadEvents"/> bad events), so a failure threshold on top would only
    /// add minutes to detection. The default success threshold and keep-firing period stay: they hold one incident
    /// open through flapping, when the short window empties for a minute between bad phases.
    /// </summary>
    public static AlertPolicy Policy { get; } = AlertPolicy.Default with { FailureThreshold = 1 };

    /// <summary>The key of an SLO's page alert.</summary>
    public static string PageKey(string sloName) => "slo:" + sloName + ":page";

    /// <summary>The key of an SLO's ticket alert.</summary>
    public static string TicketKey(string sloName) => "slo:" + sloName + ":ticket";

    /// <summary>The key of an SLO's no-data alert.</summary>
    public static string NoDataKey(string sloName) => "slo:" + sloName + ":no-data";

    /// <summary>The page alert.</summary>
    public static AlertDefinition Page(SloSpec slo) => Define(slo, PageKey(slo.Name), $"{slo.Name} burning fast", AlertSource.SloBurn, AlertSeverity.Critical, Policy);

    /// <summary>The ticket alert, inhibited by the page.</summary>
    public static AlertDefinition Ticket(SloSpec slo) =>
        Define(slo, TicketKey(slo.Name), $"{slo.Name} burning slowly", AlertSource.SloBurn, AlertSeverity.Warning, Policy with { InhibitedBy = [PageKey(slo.Name)] });

    /// <summary>The no-data alert.</summary>
    public static AlertDefinition NoData(SloSpec slo) => Define(slo, NoDataKey(slo.Name), $"{slo.Name} has no data", AlertSource.NoData, AlertSeverity.Warning, Policy);

    /// <summary>The check whose runs the SLO counts (availability and latency SLIs), or null.</summary>
    public static string? SliCheck(SloSpec slo)
    {
        ArgumentNullException.ThrowIfNull(slo);
        return slo.Sli switch
        {
            AvailabilitySli availability => availability.Check,
            LatencySli latency => latency.Check,
            _ => null,
        };
    }

    /// <summary>The three observations of one evaluation.</summary>
    /// <param name="status">One evaluation.</param>
    /// <param name="service">The SLO's service, for its team and runbook; null when it names none.</param>
    /// <param name="checkAlert">
    /// The failing alert of the check the SLI counts (<see cref="SliCheck"/>), or null. While its incident is open
    /// it already speaks for the outage: it fires on the third failed run, within seconds, before the minutely
    /// burn rates do. So it absorbs the SLO's page when it is itself critical, and the ticket when it is at least
    /// a warning; one outage is then one page thread, not a check page followed by an SLO page.
    /// </param>
    public static IReadOnlyList<AlertObservation> Observe(SloStatus status, ServiceSpec? service = null, AlertDefinition? checkAlert = null)
    {
        ArgumentNullException.ThrowIfNull(status);
        var slo = status.Slo;
        var pageDefinition = Owned(Page(slo), service);
        var ticketDefinition = Owned(Ticket(slo), service);
        if (checkAlert is not null)
        {
            if (checkAlert.Severity == AlertSeverity.Critical)
            {
                pageDefinition = pageDefinition with { Policy = pageDefinition.Policy with { InhibitedBy = [checkAlert.Key] } };
            }

            if (checkAlert.Severity is AlertSeverity.Critical or AlertSeverity.Warning)
            {
                ticketDefinition = ticketDefinition with { Policy = ticketDefinition.Policy with { InhibitedBy = ticketDefinition.Policy.InhibitedBy.Add(checkAlert.Key) } };
            }
        }

        // No data means data stopped: the shortest window is empty while a long one still holds events.
        // An SLO that never had any (a fresh start, a new check) is not an incident.
        var stopped = status.NoData && status.Pairs.Any(p => p.LongWindow.HasData);
        var page = status.Pairs.Where(p => p.Firing && p.Pair.Severity == BurnRateSeverity.Page).ToList();
        var ticket = status.Pairs.Where(p => p.Firing && p.Pair.Severity == BurnRateSeverity.Ticket).ToList();
        return
        [
            new(pageDefinition, page.Count > 0, Summary(slo, page), status.EvaluatedAt),
            new(ticketDefinition, ticket.Count > 0, Summary(slo, ticket), status.EvaluatedAt),
            new(Owned(NoData(slo), service), stopped, stopped ? $"{slo.Name} has had no events for its shortest alerting window." : $"{slo.Name} has data.", status.EvaluatedAt),
        ];
    }

    private static string Summary(SloSpec slo, List<PairEvaluation> firing) => firing.Count == 0
        ? $"{slo.Name} burns within its budget."
        : $"{slo.Name} burns fast: " + string.Join(", ", firing.Select(p => string.Create(CultureInfo.InvariantCulture,
            $"{Durations.Format(p.Pair.LongWindow)}/{Durations.Format(p.Pair.ShortWindow)} at {p.LongBurnRate:0.#}x/{p.ShortBurnRate:0.#}x (factor {p.Pair.Factor:0.##})"))) + ".";

    private static AlertDefinition Owned(AlertDefinition definition, ServiceSpec? service) =>
        service is null ? definition : definition with { Team = service.Team, RunbookUrl = service.RunbookUrl?.AbsoluteUri };

    private static AlertDefinition Define(SloSpec slo, string key, string name, AlertSource source, AlertSeverity severity, AlertPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(slo);
        return new AlertDefinition
        {
            Key = key,
            Name = name,
            Source = source,
            Severity = severity,
            Service = slo.Service,
            Labels = ImmutableDictionary<string, string>.Empty.Add("slo", slo.Name),
            Policy = policy,
        };
    }
}
