using System.Collections.Immutable;
using Monitoring.Core.Alerting;
using Monitoring.Core.Checks;
using Monitoring.Core.Spec;

namespace Monitoring.Core.DataChecks;

/// <summary>
/// The alerts a data check has: one per rule kind it evaluates (<c>data:&lt;check&gt;:&lt;kind&gt;</c>) plus its
/// connection alert, all with source <see cref="AlertSource.DataCheck"/>. A rule that could not be judged (the source
/// was unreachable) is not observed, so its alert holds its state while the connection alert speaks.
/// </summary>
public static class DataCheckAlerts
{
    /// <summary>The key of the alert of <paramref name="kind"/> (one of <see cref="DataRuleKinds"/>) on <paramref name="checkName"/>.</summary>
    public static string Key(string checkName, string kind) => $"data:{checkName}:{kind}";

    /// <summary>The observations one evaluation makes: one per result, breaching when it Failed (a Degraded result is shown, never alerted).</summary>
    public static IReadOnlyList<AlertObservation> Observe(DataCheckSpec check, ServiceSpec? service, DataCheckEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(evaluation);
        return evaluation.Results
            .Select(result => new AlertObservation(Define(check, service, result.Kind), result.Outcome == CheckOutcome.Failed, result.Summary, evaluation.At))
            .ToList();
    }

    /// <summary>The rule kinds <paramref name="check"/> evaluates, connection first, in the order results list them.</summary>
    public static ImmutableArray<string> Kinds(DataCheckSpec check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var rules = check.Rules;
        var kinds = ImmutableArray.CreateBuilder<string>();
        kinds.Add(DataRuleKinds.Connection);
        if (rules.Freshness is not null)
        {
            kinds.Add(DataRuleKinds.Freshness);
        }

        if (rules.Volume is not null)
        {
            kinds.Add(DataRuleKinds.Volume);
        }

        if (rules.Anomaly is not null)
        {
            kinds.Add(DataRuleKinds.Anomaly);
        }

        if (rules.Schema is not null)
        {
            kinds.Add(DataRuleKinds.Schema);
        }

        if (rules.Pipeline is { } pipeline)
        {
            kinds.Add(DataRuleKinds.Pipeline);
            if (pipeline.MaxDuration is not null)
            {
                kinds.Add(DataRuleKinds.PipelineDuration);
            }
        }

        return kinds.ToImmutable();
    }

    /// <summary>Every alert <paramref name="check"/> can raise, one per <see cref="Kinds"/>: what the status and alerts API list before any observation.</summary>
    public static ImmutableArray<AlertDefinition> Definitions(DataCheckSpec check, ServiceSpec? service) =>
        [.. Kinds(check).Select(kind => Define(check, service, kind))];

    /// <summary>
    /// The alert of <paramref name="kind"/> on <paramref name="check"/>: the rule's severity (or the check's), and the
    /// check's <c>alert</c> thresholds and keep-firing period, as a synthetic check's failing alert takes them.
    /// </summary>
    public static AlertDefinition Define(DataCheckSpec check, ServiceSpec? service, string kind)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(kind);
        return new AlertDefinition
        {
            Key = Key(check.Name, kind),
            Name = $"{check.Name} {Describe(kind)}",
            Source = AlertSource.DataCheck,
            Severity = RuleSeverity(check, kind) ?? check.Alert.Severity,
            Service = check.Service,
            Team = service?.Team,
            RunbookUrl = service?.RunbookUrl?.AbsoluteUri,
            Labels = check.Labels.SetItem("dataCheck", check.Name).SetItem("rule", kind),
            Policy = AlertPolicy.Default with
            {
                FailureThreshold = check.Alert.FailureThreshold,
                SuccessThreshold = check.Alert.SuccessThreshold,
                KeepFiringFor = check.Alert.KeepFiringFor,
            },
        };
    }

    private static AlertSeverity? RuleSeverity(DataCheckSpec check, string kind) => kind switch
    {
        DataRuleKinds.Freshness => check.Rules.Freshness?.Severity,
        DataRuleKinds.Volume => check.Rules.Volume?.Severity,
        DataRuleKinds.Anomaly => check.Rules.Anomaly?.Severity,
        DataRuleKinds.Schema => check.Rules.Schema?.Severity,
        DataRuleKinds.Pipeline or DataRuleKinds.PipelineDuration => check.Rules.Pipeline?.Severity,
        _ => null,
    };

    private static string Describe(string kind) => kind switch
    {
        DataRuleKinds.Connection => "source unreachable",
        DataRuleKinds.Freshness => "stale",
        DataRuleKinds.Volume => "volume out of range",
        DataRuleKinds.Anomaly => "volume anomaly",
        DataRuleKinds.Schema => "schema drift",
        DataRuleKinds.Pipeline => "pipeline failed",
        DataRuleKinds.PipelineDuration => "pipeline over its duration",
        _ => kind,
    };
}
