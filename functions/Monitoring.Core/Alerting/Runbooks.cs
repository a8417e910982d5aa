using System.Collections.Immutable;
using Monitoring.Core.DataChecks;

namespace Monitoring.Core.Alerting;

/// <summary>
/// The runbooks in <c>docs/runbooks/</c> and which one each alert links to: the one place that maps an alert's
/// source (and, for SLOs and data checks, its kind) to a runbook file. An alert whose service names a runbook keeps
/// that link; every other alert links to the runbook of its type, under a configurable base URL.
/// </summary>
public static class Runbooks
{
    /// <summary>The on-call guide: rotation, escalation policy and how to read any alert.</summary>
    public const string OnCall = "on-call.md";

    /// <summary>A journey (synthetic check) fails: its failing alert.</summary>
    public const string JourneyDown = "journey-down.md";

    /// <summary>A journey works but is slow: its degraded alert.</summary>
    public const string JourneyDegraded = "journey-degraded.md";

    /// <summary>A TLS certificate a check saw is close to expiry.</summary>
    public const string CertificateExpiring = "certificate-expiring.md";

    /// <summary>An SLO's page: a fast burn of its error budget.</summary>
    public const string SloFastBurn = "slo-fast-burn.md";

    /// <summary>An SLO's ticket: a slow burn of its error budget.</summary>
    public const string SloSlowBurn = "slo-slow-burn.md";

    /// <summary>A check or an SLO stopped producing data.</summary>
    public const string NoData = "no-data.md";

    /// <summary>A data check's freshness rule: the data is stale.</summary>
    public const string DataStale = "data-stale.md";

    /// <summary>A data check's volume or volume-anomaly rule.</summary>
    public const string VolumeAnomaly = "volume-anomaly.md";

    /// <summary>A data check's schema rule: the columns changed.</summary>
    public const string SchemaDrift = "schema-drift.md";

    /// <summary>A data check's pipeline rules: a run failed or overran.</summary>
    public const string PipelineFailure = "pipeline-failure.md";

    /// <summary>A data check could not reach its source.</summary>
    public const string DataSourceUnreachable = "data-source-unreachable.md";

    /// <summary>Results wait in the ingestion spool: Log Analytics is slow or refusing.</summary>
    public const string SpoolGrowing = "spool-growing.md";

    /// <summary>The Azure-side dead man's switch: no heartbeat from the monitor.</summary>
    public const string HeartbeatMissing = "heartbeat-missing.md";

    /// <summary>The Azure-side rule on the delivery log: notifications are not getting through.</summary>
    public const string NotificationDeliveryFailing = "notification-delivery-failing.md";

    /// <summary>The Azure-side rule on the app's own function executions.</summary>
    public const string FunctionFailures = "function-failures.md";

    /// <summary>Every runbook file, the on-call guide first.</summary>
    public static ImmutableArray<string> All { get; } =
    [
        OnCall, JourneyDown, JourneyDegraded, CertificateExpiring, SloFastBurn, SloSlowBurn, NoData, DataStale, VolumeAnomaly,
        SchemaDrift, PipelineFailure, DataSourceUnreachable, SpoolGrowing, HeartbeatMissing, NotificationDeliveryFailing, FunctionFailures,
    ];

    /// <summary>The runbook file of <paramref name="definition"/>'s type, e.g. <c>journey-down.md</c> for a check's failing alert.</summary>
    public static string For(AlertDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Source switch
        {
            AlertSource.Check => JourneyDown,
            AlertSource.Degraded => JourneyDegraded,
            AlertSource.Certificate => CertificateExpiring,
            AlertSource.SloBurn => definition.Key.EndsWith(":ticket", StringComparison.Ordinal) ? SloSlowBurn : SloFastBurn,
            AlertSource.NoData => NoData,
            AlertSource.DataCheck => ForDataRule(definition.Labels.TryGetValue("rule", out var rule) ? rule : definition.Key[(definition.Key.LastIndexOf(':') + 1)..]),
            AlertSource.Spool => SpoolGrowing,
            _ => OnCall,
        };
    }

    /// <summary>The runbook of a data check's rule kind (one of <see cref="DataRuleKinds"/>); the on-call guide for a kind it does not know.</summary>
    public static string ForDataRule(string kind) => kind switch
    {
        DataRuleKinds.Connection => DataSourceUnreachable,
        DataRuleKinds.Freshness => DataStale,
        DataRuleKinds.Volume or DataRuleKinds.Anomaly => VolumeAnomaly,
        DataRuleKinds.Schema => SchemaDrift,
        DataRuleKinds.Pipeline or DataRuleKinds.PipelineDuration => PipelineFailure,
        _ => OnCall,
    };

    /// <summary>The URL of <paramref name="file"/> under <paramref name="baseUrl"/>, which is read as a folder whether or not it ends in '/'.</summary>
    public static Uri Link(Uri baseUrl, string file)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        if (!baseUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("The runbook base URL must be absolute.", nameof(baseUrl));
        }

        var folder = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        return new Uri(folder, file);
    }

    /// <summary>
    /// <paramref name="definition"/> as it is, when its service names a runbook; otherwise with the runbook of its type
    /// under <paramref name="baseUrl"/>.
    /// </summary>
    public static AlertDefinition WithDefault(AlertDefinition definition, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return string.IsNullOrWhiteSpace(definition.RunbookUrl)
            ? definition with { RunbookUrl = Link(baseUrl, For(definition)).AbsoluteUri }
            : definition;
    }

    /// <summary><paramref name="observation"/> with <see cref="WithDefault(AlertDefinition, Uri)"/> applied to its alert.</summary>
    public static AlertObservation WithDefault(AlertObservation observation, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var definition = WithDefault(observation.Definition, baseUrl);
        return ReferenceEquals(definition, observation.Definition) ? observation : observation with { Definition = definition };
    }
}
