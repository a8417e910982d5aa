using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Monitoring.Core.Alerting;
using Monitoring.Core.DataChecks;
using Monitoring.Core.Routing;
using Monitoring.Core.Slo;
using Monitoring.Core.Spec;

namespace Monitoring.Core.Strategy;

/// <summary>
/// The monitoring-strategy document of a spec, in Markdown: what is monitored, how, when it alerts, who responds and how
/// people are told. Pure and deterministic: the same spec and options always give the same text. Templates are shown as
/// written (<c>${env:NAME}</c>), never rendered, so no secret value can appear.
/// </summary>
public static class StrategyDocument
{
    private static readonly AlertSeverity[] Severities = [AlertSeverity.Critical, AlertSeverity.Warning, AlertSeverity.Info];

    /// <summary>Renders the strategy document of <paramref name="spec"/>.</summary>
    public static string Render(MonitoringSpec spec, StrategyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        options ??= new StrategyOptions();
        var md = new Doc();
        md.Line("# Monitoring strategy");
        md.Line();
        md.Line(Inv($"Generated from the spec{(options.SpecName is null ? string.Empty : " `" + options.SpecName + "`")} by the `strategy` command; do not edit it by hand, change the spec and render it again.")
            + (options.GeneratedAt is { } at ? Inv($" Rendered at {at.ToUniversalTime():yyyy-MM-dd HH:mm} UTC.") : string.Empty));
        md.Line();
        var alerts = Alerts(spec);
        WhatWeMonitor(md, spec);
        How(md, spec);
        WhenWeAlert(md, spec, alerts);
        WhoResponds(md, spec, alerts);
        Communication(md, spec);
        return md.ToString();
    }

    // ---- 1. What we monitor ----------------------------------------------------------------------------------------

    private static void WhatWeMonitor(Doc md, MonitoringSpec spec)
    {
        md.Line("## 1. What we monitor");
        md.Line();
        md.Line("### Pipeline health");
        md.Line();
        var pipelines = spec.DataChecks.Where(c => c.Rules.Pipeline is not null).ToList();
        if (pipelines.Count == 0)
        {
            md.Line("_No data check of the spec has a pipeline rule._");
        }
        else
        {
            md.Table(["Data check", "Service", "Source", "Pipeline rule", "Severity"], pipelines.Select(c =>
                new[] { Code(c.Name), c.Service ?? "—", SourceText(c.Source), PipelineText(c.Rules.Pipeline!), Sev(c.Rules.Pipeline!.Severity ?? c.Alert.Severity) }));
        }

        md.Line();
        md.Line("Data sources:");
        md.Line();
        if (spec.DataChecks.IsEmpty)
        {
            md.Line("_The spec has no data checks._");
        }
        else
        {
            md.Table(["Data check", "Service", "Dataset", "Source", "Interval", "Timeout", "Enabled"], spec.DataChecks.Select(c =>
                new[] { Code(c.Name), c.Service ?? "—", Code(c.Dataset), SourceText(c.Source), Dur(c.Interval), Dur(c.Timeout), YesNo(c.Enabled) }));
        }

        md.Line();
        md.Line("### Data quality");
        md.Line();
        if (spec.DataChecks.IsEmpty)
        {
            md.Line("_The spec has no data checks._");
        }
        else
        {
            md.Table(["Data check", "Freshness", "Volume", "Anomaly", "Schema"], spec.DataChecks.Select(c =>
            {
                var r = c.Rules;
                return new[]
                {
                    Code(c.Name),
                    r.Freshness is { } f ? FreshnessText(f) + " (" + Sev(f.Severity ?? c.Alert.Severity) + ")" : "—",
                    r.Volume is { } v ? VolumeText(v) + " (" + Sev(v.Severity ?? c.Alert.Severity) + ")" : "—",
                    r.Anomaly is { } a ? AnomalyText(a) + " (" + Sev(a.Severity ?? c.Alert.Severity) + ")" : "—",
                    r.Schema is { } s ? SchemaText(s) + " (" + Sev(s.Severity ?? c.Alert.Severity) + ")" : "—",
                };
            }));
        }

        md.Line();
        md.Line("### Infrastructure and services");
        md.Line();
        if (spec.Checks.IsEmpty)
        {
            md.Line("_The spec has no synthetic checks._");
            md.Line();
            return;
        }

        foreach (var group in spec.Checks.GroupBy(c => c.Service ?? string.Empty).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var service = group.Key.Length == 0 ? null : spec.Services.GetValueOrDefault(group.Key);
            md.Line(group.Key.Length == 0
                ? "#### Checks without a service"
                : Inv($"#### Service `{group.Key}`{(service is null ? string.Empty : Inv($" (team {service.Team}, tier {service.Tier})"))}"));
            md.Line();
            if (service?.Description is { } description)
            {
                md.Line(description);
                md.Line();
            }

            md.Table(["Check", "Kind", "Interval", "Fails after", "Resolves after", "Degraded after", "Alert", "Enabled"], group.Select(c =>
                new[]
                {
                    Code(c.Name),
                    c.Steps.Length == 1 ? "request" : Inv($"journey, {c.Steps.Length} steps"),
                    Dur(c.Interval),
                    Inv($"{c.Alert.FailureThreshold} failed runs"),
                    Inv($"{c.Alert.SuccessThreshold} good runs") + (c.Alert.KeepFiringFor is { } keep ? " and " + Dur(keep) + " without a failure" : string.Empty),
                    c.DegradedAfter is { } slow ? Dur(slow) : "—",
                    Sev(c.Alert.Severity),
                    YesNo(c.Enabled),
                }));
            md.Line();
            foreach (var check in group)
            {
                md.Line(Inv($"- `{check.Name}`{(check.Description is null ? string.Empty : ": " + check.Description)}"));
                foreach (var step in check.Steps)
                {
                    var assertions = step.Assertions.IsEmpty ? "any status below 400" : string.Join("; ", step.Assertions.Select(AssertionText));
                    md.Line(Inv($"  - `{step.Name}`: `{step.Method} {step.Url.Text}` — {assertions}{(step.Always ? " (cleanup: always runs)" : string.Empty)}"));
                }
            }

            md.Line();
        }
    }

    // ---- 2. How -------------------------------------------------------------------------------------------------------

    private static void How(Doc md, MonitoringSpec spec)
    {
        md.Line("## 2. How");
        md.Line();
        md.Line("### Tools");
        md.Line();
        md.Line("- **This app** (Monitoring.Functions): Azure Functions timers run the synthetic checks, the data checks and the SLO evaluation; locally the same app runs with an embedded SQLite store.");
        md.Line("- **Log Analytics tables**: every run, data-check verdict, alert transition and delivery is a row (`MonitorCheckRun_CL`, `MonitorDataCheck_CL`, `MonitorAlert_CL`, `MonitorDelivery_CL`).");
        md.Line("- **Workbooks** (`workbooks/`): executive overview, on-call deep dive and data quality.");
        md.Line("- **Alert engine**: one state machine for every alert (thresholds, keep-firing, inhibition, silences and maintenance), routing to the channels below; Azure Monitor alert rules watch the monitor itself (heartbeat, spool, deliveries).");
        md.Line();
        md.Line("### Real-time versus scheduled");
        md.Line();
        md.Line("A failed synthetic run is re-run on the next 10-second tick to confirm it, so a hard-down journey fires after its failure threshold within about a minute, whatever its interval. SLOs are evaluated every minute.");
        md.Line();
        var rows = new List<string[]>();
        rows.AddRange(spec.Checks.Where(c => c.Enabled).Select(c =>
            new[] { "synthetic check " + Code(c.Name), "every " + Dur(c.Interval), "failed runs confirmed on the next 10-second tick; no data after " + Dur(CheckAlerts.NoDataAfter(c)) }));
        rows.AddRange(spec.DataChecks.Where(c => c.Enabled).Select(c =>
            new[] { "data check " + Code(c.Name), "every " + Dur(c.Interval), "a read times out after " + Dur(c.Timeout) }));
        rows.AddRange(spec.Slos.Select(s => new[] { "SLO " + Code(s.Name), "every minute", "burn rates over its windows" }));
        if (rows.Count == 0)
        {
            md.Line("_Nothing is scheduled: the spec has no checks, data checks or SLOs._");
        }
        else
        {
            md.Table(["What", "When", "Notes"], rows);
        }

        md.Line();
        md.Line("### Trends");
        md.Line();
        if (spec.Slos.IsEmpty)
        {
            md.Line("_The spec has no SLOs; the workbooks still show run history._");
        }
        else
        {
            md.Table(["SLO", "Service", "SLI", "Objective", "Window", "Budget", "Burn-rate pairs"], spec.Slos.Select(s =>
                new[]
                {
                    Code(s.Name),
                    s.Service ?? "—",
                    SliText(s.Sli),
                    Inv($"{s.Objective:0.###}%"),
                    Dur(s.Period),
                    s.Budgeting == SloBudgeting.Timeslices ? "one-minute slices" : "events",
                    string.Join("; ", s.Alerting.Windows.Select(PairText)) + Inv($" (at least {s.Alerting.MinBadEvents} bad events)"),
                }));
        }

        md.Line();
        md.Line("Long-term trends (availability, latency, error budgets, data freshness) are in the workbooks.");
        md.Line();
    }

    // ---- 3. When we alert ---------------------------------------------------------------------------------------------

    private static void WhenWeAlert(Doc md, MonitoringSpec spec, ImmutableArray<StrategyAlert> alerts)
    {
        md.Line("## 3. When we alert");
        md.Line();
        md.Line("Routes are tried in the order the spec lists them; the first match takes the alert unless it says `continue`.");
        md.Line();
        foreach (var severity in Severities)
        {
            md.Line("### " + Title(severity));
            md.Line();
            md.Line("Response time: " + ResponseTimes.Describe(severity) + ".");
            md.Line();
            var triggers = alerts.Where(a => a.Definition.Severity == severity).ToList();
            if (triggers.Count == 0)
            {
                md.Line(Inv($"_No alert of the spec is {severity.ToWireName()}._"));
            }
            else
            {
                md.Table(["Alert", "Service", "Fires when", "Runbook"], triggers.Select(a =>
                    new[] { Code(a.Definition.Key), a.Definition.Service ?? "—", a.Condition, RunbookLink(spec, Runbooks.For(a.Definition)) }));
            }

            md.Line();
            md.Line("Who is told:");
            md.Line();
            foreach (var line in WhoIsTold(spec, severity))
            {
                md.Line("- " + line);
            }

            md.Line();
        }
    }

    private static IEnumerable<string> WhoIsTold(MonitoringSpec spec, AlertSeverity severity)
    {
        var wire = severity.ToWireName();
        var catchAll = false;
        foreach (var route in spec.Notifications.Routes)
        {
            if (!route.Match.Severities.IsEmpty && !route.Match.Severities.Contains(wire))
            {
                continue;
            }

            var conditions = MatchText(route.Match, includeSeverity: false);
            yield return Inv($"route `{route.Name}`{(conditions.Length == 0 ? string.Empty : " (" + conditions + ")")} → {Channels(route.Channels)}, repeated every {Dur(route.RepeatInterval)}")
                + (route.Escalation.IsEmpty ? string.Empty : "; escalates " + string.Join(", ", route.Escalation.Select(e => Inv($"after {Dur(e.After)} to {Channels(e.Channels)}"))))
                + (route.Continue ? "; later routes may match too" : string.Empty);
            if (conditions.Length == 0 && !route.Continue)
            {
                catchAll = true;
                break;
            }
        }

        if (!catchAll)
        {
            yield return "alerts no route takes → " + Channels(spec.Notifications.DefaultChannels) + " (the default channels)";
        }
    }

    // ---- 4. Who responds ----------------------------------------------------------------------------------------------

    private static void WhoResponds(Doc md, MonitoringSpec spec, ImmutableArray<StrategyAlert> alerts)
    {
        md.Line("## 4. Who responds");
        md.Line();
        md.Line("### Roles");
        md.Line();
        md.Line("- **Primary on-call** (level 1): carries the pager for critical alerts around the clock and triages warnings in business hours.");
        md.Line("- **Secondary on-call** (level 2): takes over when the primary does not acknowledge.");
        md.Line("- **Owning team**: the team of the alert's service fixes the cause; its lead is told when escalation reaches level 2.");
        md.Line();
        if (spec.Services.IsEmpty)
        {
            md.Line("_The spec names no services; alerts carry no team._");
        }
        else
        {
            md.Table(["Service", "Team", "Tier", "Runbook"], spec.Services.Values.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s =>
                new[] { Code(s.Name), s.Team, s.Tier.ToString(CultureInfo.InvariantCulture), s.RunbookUrl is { } url ? url.AbsoluteUri : "by alert type (below)" }));
        }

        md.Line();
        md.Line("### Escalation");
        md.Line();
        md.Line("Escalation runs while an alert is unacknowledged and stops the moment someone acknowledges it.");
        md.Line();
        var routes = spec.Notifications.Routes;
        if (routes.IsEmpty)
        {
            md.Line("_The spec has no routes: every alert goes to " + Channels(spec.Notifications.DefaultChannels) + " and nothing escalates._");
        }
        else
        {
            var rows = new List<string[]>();
            foreach (var route in routes)
            {
                var match = MatchText(route.Match, includeSeverity: true);
                rows.Add([Code(route.Name), match.Length == 0 ? "every alert" : match, "first notice", "at once", Channels(route.Channels), Dur(route.RepeatInterval)]);
                rows.AddRange(route.Escalation.Select(e =>
                    new[] { Code(route.Name), string.Empty, e.Level.ToString(CultureInfo.InvariantCulture), "after " + Dur(e.After), Channels(e.Channels), Dur(route.RepeatInterval) }));
            }

            md.Table(["Route", "Takes", "Level", "When", "Channels", "Repeat"], rows);
        }

        md.Line();
        md.Line("### Runbooks");
        md.Line();
        md.Line("Every alert links to a runbook: its service's own when the service names one, else the runbook of its type. Start with the " + RunbookLink(spec, Runbooks.OnCall) + ".");
        md.Line();
        var used = alerts.Select(a => Runbooks.For(a.Definition)).ToHashSet(StringComparer.Ordinal);
        var files = Runbooks.All.Where(used.Contains).ToList();
        if (files.Count > 0)
        {
            md.Table(["Runbook", "Alerts"], files.Select(file =>
                new[] { RunbookLink(spec, file), Inv($"{alerts.Count(a => Runbooks.For(a.Definition) == file)}") }));
        }

        md.Line();
    }

    private static void Communication(Doc md, MonitoringSpec spec)
    {
        var notifications = spec.Notifications;
        md.Line("## 5. Communication plan");
        md.Line();
        md.Line("### Audiences");
        md.Line();
        md.Table(["Audience", "Channels", "What they get"],
        [
            ["On-call", Channels(ChannelsFor(spec, AlertSeverity.Critical)), "critical alerts as they fire, repeats and escalations, resolutions"],
            ["Owning team", Channels(ChannelsFor(spec, AlertSeverity.Warning)), "warnings as tickets, to handle in business hours"],
            ["Stakeholders", notifications.StatusPageUrl is { } status ? "status page " + status.AbsoluteUri : "the app's status page (`/api/status`)", "current state of every journey, data check and SLO"],
            ["Stakeholders", "weekly report", "the executive-overview workbook: SLOs, error budgets and incidents of the week, reviewed weekly with the info alerts"],
        ]);
        md.Line();
        md.Line("### Channels");
        md.Line();
        if (notifications.Channels.IsEmpty)
        {
            md.Line("_The spec declares no channels: everything goes to the built-in `outbox` (a local file)._");
        }
        else
        {
            md.Table(["Channel", "Kind", "Destination"], notifications.Channels.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c =>
                new[] { Code(c.Name), c.Kind.ToString().ToLowerInvariant(), ChannelText(c) }));
        }

        md.Line();
        md.Line("### Maintenance windows");
        md.Line();
        if (spec.Maintenance.IsEmpty)
        {
            md.Line("_The spec has no maintenance windows._");
        }
        else
        {
            md.Table(["Window", "Mutes", "When"], spec.Maintenance.Select(w =>
                new[] { Code(w.Name), string.Join(", ", w.Matchers.Select(m => Inv($"{m.Name} = `{m.Value}`"))), ScheduleText(w.Schedule) }));
            md.Line();
            md.Line("While a window is open the alerts it matches are muted; when it closes, whatever still fires is announced.");
        }

        md.Line();
        md.Line("### Test notifications");
        md.Line();
        md.Line("`test-notify [spec]` (or `POST /api/notifications/test`) sends a test message through every route and prints how each delivery went: run it after changing channels or routes.");
    }

    // ---- alerts -------------------------------------------------------------------------------------------------------

    private sealed record StrategyAlert(AlertDefinition Definition, string Condition);

    private static ImmutableArray<StrategyAlert> Alerts(MonitoringSpec spec)
    {
        var alerts = ImmutableArray.CreateBuilder<StrategyAlert>();
        foreach (var check in spec.Checks.Where(c => c.Enabled))
        {
            var service = check.Service is null ? null : spec.Services.GetValueOrDefault(check.Service);
            var keep = check.Alert.KeepFiringFor is { } k ? ", " + Dur(k) + " without a failure" : string.Empty;
            alerts.Add(new(CheckAlerts.Failing(check, service), Inv($"{check.Alert.FailureThreshold} failed runs in a row; resolves after {check.Alert.SuccessThreshold} good runs{keep}")));
            alerts.Add(new(CheckAlerts.Degraded(check, service),
                (check.DegradedAfter is { } slow ? "a run slower than " + Dur(slow) + " or a" : "a") + " degrade assertion fails (muted while failing)"));
            alerts.Add(new(CheckAlerts.Certificate(check, service), Inv($"the TLS certificate expires within {CheckAlerts.CertificateWarningDays} days")));
            alerts.Add(new(CheckAlerts.NoData(check, service), "no run for " + Dur(CheckAlerts.NoDataAfter(check))));
        }

        foreach (var check in spec.DataChecks.Where(c => c.Enabled))
        {
            var service = check.Service is null ? null : spec.Services.GetValueOrDefault(check.Service);
            foreach (var kind in DataCheckAlerts.Kinds(check))
            {
                alerts.Add(new(DataCheckAlerts.Define(check, service, kind), DataRuleCondition(check, kind)));
            }
        }

        foreach (var slo in spec.Slos)
        {
            var pages = slo.Alerting.Windows.Where(p => p.Severity == BurnRateSeverity.Page).Select(PairText).ToList();
            var tickets = slo.Alerting.Windows.Where(p => p.Severity == BurnRateSeverity.Ticket).Select(PairText).ToList();
            if (pages.Count > 0)
            {
                alerts.Add(new(SloBurnAlerts.Page(slo), "fast burn: " + string.Join("; ", pages)));
            }

            if (tickets.Count > 0)
            {
                alerts.Add(new(SloBurnAlerts.Ticket(slo), "slow burn: " + string.Join("; ", tickets)));
            }

            alerts.Add(new(SloBurnAlerts.NoData(slo), "its SLI window holds no events"));
        }

        return alerts.ToImmutable();
    }

    private static string DataRuleCondition(DataCheckSpec check, string kind)
    {
        var r = check.Rules;
        return kind switch
        {
            DataRuleKinds.Connection => "the source cannot be read within " + Dur(check.Timeout),
            DataRuleKinds.Freshness => "stale: " + FreshnessText(r.Freshness!),
            DataRuleKinds.Volume => "volume out of range: " + VolumeText(r.Volume!),
            DataRuleKinds.Anomaly => "volume anomaly: " + AnomalyText(r.Anomaly!),
            DataRuleKinds.Schema => "schema drift: " + SchemaText(r.Schema!),
            DataRuleKinds.Pipeline => Inv($"a pipeline run failed (runs of the last {Dur(r.Pipeline!.Lookback)})"),
            DataRuleKinds.PipelineDuration => "a pipeline run took longer than " + Dur(r.Pipeline!.MaxDuration!.Value),
            _ => kind,
        };
    }

    private static ImmutableArray<string> ChannelsFor(MonitoringSpec spec, AlertSeverity severity)
    {
        var wire = severity.ToWireName();
        var routes = spec.Notifications.Routes.Where(r => r.Match.Severities.IsEmpty || r.Match.Severities.Contains(wire)).ToList();
        var names = routes.SelectMany(r => r.Channels.Concat(r.Escalation.SelectMany(e => e.Channels)));
        if (!routes.Any(r => MatchText(r.Match, includeSeverity: false).Length == 0 && !r.Continue))
        {
            names = names.Concat(spec.Notifications.DefaultChannels);
        }

        return [.. names.Distinct(StringComparer.Ordinal)];
    }

    // ---- text ---------------------------------------------------------------------------------------------------------

    private static string Title(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => "Critical (Sev1): pages",
        AlertSeverity.Warning => "Warning (Sev2): tickets",
        _ => "Info (Sev3): recorded only",
    };

    private static string SourceText(DataSourceSpec source) => source switch
    {
        HttpJsonSourceSpec http => "http " + Code(http.Url.Text),
        SqlSourceSpec sql => "sql (" + (sql.Provider == SqlProvider.Postgres ? "PostgreSQL" : "SQL Server") + ")",
        KqlSourceSpec => "kql (Log Analytics query)",
        TableSourceSpec table => "table " + Code(table.Table) + (table.PartitionKey is null ? string.Empty : ", partition " + Code(table.PartitionKey)),
        BlobSourceSpec blob => "blob " + Code(blob.Container + (blob.Prefix is null ? string.Empty : "/" + blob.Prefix)),
        AdfSourceSpec adf => "Data Factory " + (adf.Pipelines.IsEmpty ? "(every pipeline)" : string.Join(", ", adf.Pipelines.Select(Code))) + (adf.Factory is null ? string.Empty : " of " + Code(adf.Factory)),
        _ => source.Kind,
    };

    private static string PipelineText(PipelineRuleSpec rule) =>
        "latest runs of the last " + Dur(rule.Lookback) + " succeeded" + (rule.MaxDuration is { } max ? ", none longer than " + Dur(max) : string.Empty);

    private static string FreshnessText(FreshnessRuleSpec rule)
    {
        var parts = new List<string>();
        if (rule.WarnAfter is { } warn)
        {
            parts.Add("degraded after " + Dur(warn));
        }

        if (rule.MaxAge is { } max)
        {
            parts.Add("failed after " + Dur(max));
        }

        if (rule.Deadline is { } deadline)
        {
            parts.Add(Inv($"landed by {deadline.Time:HH\\:mm} {Days(deadline.Days)} ({deadline.Zone.Id})"));
        }

        return string.Join(", ", parts);
    }

    private static string VolumeText(VolumeRuleSpec rule)
    {
        var parts = new List<string>();
        if (rule.Min is { } min)
        {
            parts.Add(Inv($"at least {min} rows"));
        }

        if (rule.Max is { } max)
        {
            parts.Add(Inv($"at most {max} rows"));
        }

        if (rule.MinBytes is { } bytes)
        {
            parts.Add(Inv($"at least {bytes} bytes"));
        }

        return string.Join(", ", parts) + " per " + Dur(rule.Window);
    }

    private static string AnomalyText(AnomalyRuleSpec rule) =>
        Inv($"{rule.Settings.Direction.ToString().ToLowerInvariant()} beyond {rule.Settings.Sensitivity:0.##} standard deviations of the same {Dur(rule.Window)} on the last {rule.Settings.TrainingPoints} same weekdays");

    private static string SchemaText(SchemaRuleSpec rule) =>
        rule.IgnoreAdded ? "columns removed or retyped" : "columns added, removed or retyped";

    private static string SliText(SliSpec sli) => sli switch
    {
        AvailabilitySli a => "availability of " + Code(a.Check),
        LatencySli l => "runs of " + Code(l.Check) + " within " + Dur(l.Threshold) + (l.DegradedIsBad ? " and not degraded" : string.Empty),
        FreshnessSli f => "freshness of " + Code(f.DataCheck),
        KqlSli => "custom KQL (good / total)",
        _ => sli.Kind,
    };

    private static string PairText(BurnRateWindowPair pair) =>
        Inv($"{(pair.Severity == BurnRateSeverity.Page ? "page" : "ticket")} {Dur(pair.LongWindow)}/{Dur(pair.ShortWindow)} ×{pair.Factor:0.##}");

    private static string AssertionText(AssertionSpec a)
    {
        var subject = a.Target switch
        {
            AssertionTarget.Status => "status",
            AssertionTarget.Latency => "latency (ms)",
            AssertionTarget.Header => "header " + a.Selector,
            AssertionTarget.Body => "body",
            AssertionTarget.Json => a.Selector ?? "json",
            _ => "certificate days left",
        };
        var op = a.Operator switch
        {
            AssertionOperator.Equals => "=",
            AssertionOperator.NotEquals => "≠",
            AssertionOperator.LessThan => "<",
            AssertionOperator.LessThanOrEqual => "≤",
            AssertionOperator.GreaterThan => ">",
            AssertionOperator.GreaterThanOrEqual => "≥",
            AssertionOperator.Contains => "contains",
            AssertionOperator.NotContains => "does not contain",
            AssertionOperator.Matches => "matches",
            _ => null,
        };
        var text = op is null
            ? subject + (string.Equals(a.Expected.Text, "false", StringComparison.OrdinalIgnoreCase) ? " absent" : " exists")
            : subject + " " + op + " " + a.Expected.Text;
        return text + (a.Severity == AssertionSeverity.Degrade ? " (degrades)" : string.Empty);
    }

    private static string MatchText(RouteMatch match, bool includeSeverity)
    {
        var parts = new List<string>();
        if (includeSeverity && !match.Severities.IsEmpty)
        {
            parts.Add("severity " + string.Join(", ", match.Severities.OrderBy(s => s, StringComparer.Ordinal)));
        }

        if (!match.Services.IsEmpty)
        {
            parts.Add("service " + string.Join(", ", match.Services.OrderBy(s => s, StringComparer.Ordinal)));
        }

        if (!match.Teams.IsEmpty)
        {
            parts.Add("team " + string.Join(", ", match.Teams.OrderBy(s => s, StringComparer.Ordinal)));
        }

        parts.AddRange(match.Labels.Select(l => Inv($"{l.Key} = {l.Value}")));
        return string.Join("; ", parts);
    }

    private static string ChannelText(ChannelSpec channel) => channel.Kind switch
    {
        ChannelKind.Teams => "Teams workflow " + Code(channel.Url?.Text ?? string.Empty),
        ChannelKind.Email => string.Join(", ", channel.To) + (channel.Rate is { } rate ? Inv($" (at most {rate.MaxPerHour} emails an hour, digests)") : string.Empty),
        ChannelKind.Webhook => "webhook " + Code(channel.Url?.Text ?? string.Empty) + (channel.Headers.IsEmpty ? string.Empty : " with headers " + string.Join(", ", channel.Headers.Select(h => h.Name))),
        _ => "the local outbox file",
    };

    private static string ScheduleText(MaintenanceSchedule schedule) => schedule switch
    {
        RecurringSchedule r => Inv($"{r.Start:HH\\:mm} for {Dur(r.Duration)}, {Days(r.Days)} ({r.Zone.Id})"),
        OneOffSchedule o => Inv($"{o.From:yyyy-MM-dd HH\\:mm} until {o.Until:yyyy-MM-dd HH\\:mm} ({o.Zone.Id})"),
        _ => schedule.GetType().Name,
    };

    private static string Days(ImmutableHashSet<DayOfWeek> days) => days.IsEmpty
        ? "every day"
        : "on " + string.Join(", ", days.OrderBy(d => ((int)d + 6) % 7).Select(d => d.ToString()[..3]));

    private static string RunbookLink(MonitoringSpec spec, string file) => spec.Notifications.RunbookBaseUrl is { } baseUrl
        ? Inv($"[{file}]({Runbooks.Link(baseUrl, file).AbsoluteUri})")
        : Inv($"[{file}](runbooks/{file})");

    private static string Channels(IEnumerable<string> channels)
    {
        var list = channels.ToList();
        return list.Count == 0 ? "nobody" : string.Join(", ", list.Select(Code));
    }

    private static string Sev(AlertSeverity severity) => severity.ToWireName();

    private static string Dur(TimeSpan value) => Durations.Format(value);

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static string Code(string text) => "`" + text + "`";

    private static string Inv(FormattableString text) => FormattableString.Invariant(text);

    /// <summary>A Markdown writer with "\n" line ends, whatever the platform.</summary>
    private sealed class Doc
    {
        private readonly StringBuilder builder = new();

        public void Line(string text = "") => builder.Append(text).Append('\n');

        public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
        {
            Line("| " + string.Join(" | ", headers.Select(Cell)) + " |");
            Line("|" + string.Concat(headers.Select(_ => "---|")));
            foreach (var row in rows)
            {
                Line("| " + string.Join(" | ", row.Select(Cell)) + " |");
            }
        }

        public override string ToString() => builder.ToString();

        private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
    }
}
