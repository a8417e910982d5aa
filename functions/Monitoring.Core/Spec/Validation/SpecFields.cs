using System.Collections.Immutable;

namespace Monitoring.Core.Spec.Validation;

/// <summary>
/// The fields the loader accepts at each level of the spec. The JSON Schema lists the same
/// names; a test keeps the two in step.
/// </summary>
internal static class SpecFields
{
    /// <summary>The naming rule of <see cref="Template.IsIdentifier"/>, as the JSON Schema writes it.</summary>
    public const string NamePattern = "^[A-Za-z][A-Za-z0-9_-]*$";

    /// <summary>Top-level sections a later version will define; rejected today with a clear message. None at present.</summary>
    public static ImmutableArray<string> Reserved { get; } = [];

    /// <summary>The top level (reserved sections excluded).</summary>
    public static ImmutableArray<string> TopLevel { get; } = ["version", "defaults", "services", "checks", "slos", "notifications", "maintenance", "dataChecks"];

    /// <summary>The <c>notifications</c> section.</summary>
    public static ImmutableArray<string> Notifications { get; } = ["statusPageUrl", "runbookBaseUrl", "channels", "routes", "defaultChannels"];

    /// <summary>The kinds of channel; a channel sets exactly one.</summary>
    public static ImmutableArray<string> ChannelKinds { get; } = ["teams", "email", "webhook", "outbox"];

    /// <summary>A Teams channel.</summary>
    public static ImmutableArray<string> TeamsChannel { get; } = ["url"];

    /// <summary>A webhook channel.</summary>
    public static ImmutableArray<string> WebhookChannel { get; } = ["url", "headers"];

    /// <summary>An email channel.</summary>
    public static ImmutableArray<string> EmailChannel { get; } = ["to", "maxPerHour", "groupWait", "groupInterval"];

    /// <summary>One route.</summary>
    public static ImmutableArray<string> Route { get; } = ["name", "match", "channels", "continue", "groupBy", "repeatInterval", "sendResolved", "escalation"];

    /// <summary>A route's match.</summary>
    public static ImmutableArray<string> RouteMatch { get; } = ["severity", "service", "team", "labels"];

    /// <summary>One escalation level.</summary>
    public static ImmutableArray<string> EscalationLevel { get; } = ["after", "channels"];

    /// <summary>One item of <c>maintenance</c>.</summary>
    public static ImmutableArray<string> Maintenance { get; } = ["name", "match", "timeZone", "from", "until", "at", "for", "days"];

    /// <summary>The <c>defaults</c> section.</summary>
    public static ImmutableArray<string> Defaults { get; } =
        ["interval", "timeout", "retries", "maxDuration", "degradedAfter", "location", "concurrency", "followRedirects", "headers", "variables"];

    /// <summary>One service under <c>services</c>.</summary>
    public static ImmutableArray<string> Service { get; } = ["team", "tier", "runbook", "description"];

    /// <summary>One item of <c>checks</c>.</summary>
    public static ImmutableArray<string> Check { get; } =
        ["name", "service", "description", "enabled", "interval", "retries", "maxDuration", "degradedAfter", "location", "tls", "alert", "labels", "variables", "request", "steps"];

    /// <summary>The fields of a check's <c>alert</c> section.</summary>
    public static ImmutableArray<string> CheckAlert { get; } = ["severity", "failureThreshold", "successThreshold", "keepFiringFor"];

    /// <summary>The alert severities, most urgent first.</summary>
    public static ImmutableArray<string> AlertSeverities { get; } = ["critical", "warning", "info"];

    /// <summary>A check's <c>tls</c> section.</summary>
    public static ImmutableArray<string> Tls { get; } = ["verify"];

    /// <summary>One item of a check's <c>steps</c>.</summary>
    public static ImmutableArray<string> Step { get; } =
        ["name", "method", "url", "headers", "body", "timeout", "degradedAfter", "followRedirects", "extract", "assertions", "always"];

    /// <summary>A check's single <c>request</c>: a step without a name (it takes the check's).</summary>
    public static ImmutableArray<string> Request { get; } = [.. Step.Where(f => f != "name")];

    /// <summary>A step's <c>body</c>.</summary>
    public static ImmutableArray<string> Body { get; } = ["json", "form", "raw", "contentType"];

    /// <summary>The body kinds, exactly one of which a body has.</summary>
    public static ImmutableArray<string> BodyKinds { get; } = ["json", "form", "raw"];

    /// <summary>One entry of a step's <c>extract</c>.</summary>
    public static ImmutableArray<string> Extraction { get; } = ["json", "header", "regex", "group"];

    /// <summary>The extraction sources, exactly one of which an extraction has.</summary>
    public static ImmutableArray<string> ExtractionSources { get; } = ["json", "header", "regex"];

    /// <summary>Assertion targets, exactly one of which an assertion has.</summary>
    public static ImmutableArray<string> AssertionTargets { get; } = ["status", "latency", "body", "certDaysLeft", "header", "json"];

    /// <summary>Assertion operators, exactly one of which an assertion has.</summary>
    public static ImmutableArray<string> AssertionOperators { get; } =
        ["equals", "notEquals", "lessThan", "lessThanOrEqual", "greaterThan", "greaterThanOrEqual", "contains", "notContains", "matches", "exists"];

    /// <summary>One item of a step's <c>assertions</c>: a target, the operators that may sit beside a selector, and severity.</summary>
    public static ImmutableArray<string> Assertion { get; } = [.. AssertionTargets, .. AssertionOperators, "severity"];

    /// <summary>The HTTP methods a step may use.</summary>
    public static ImmutableArray<string> Methods { get; } = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

    /// <summary>One item of <c>slos</c>.</summary>
    public static ImmutableArray<string> Slo { get; } = ["name", "service", "description", "objective", "window", "budgeting", "sli", "alerting"];

    /// <summary>The SLI kinds, exactly one of which an SLO's <c>sli</c> has.</summary>
    public static ImmutableArray<string> SliKinds { get; } = ["availability", "latency", "freshness", "kql"];

    /// <summary>An <c>availability</c> SLI.</summary>
    public static ImmutableArray<string> AvailabilitySli { get; } = ["check"];

    /// <summary>A <c>latency</c> SLI.</summary>
    public static ImmutableArray<string> LatencySli { get; } = ["check", "threshold", "degradedIsBad"];

    /// <summary>A <c>freshness</c> SLI.</summary>
    public static ImmutableArray<string> FreshnessSli { get; } = ["dataCheck"];

    /// <summary>A <c>kql</c> SLI.</summary>
    public static ImmutableArray<string> KqlSli { get; } = ["good", "total"];

    /// <summary>An SLO's <c>alerting</c> section.</summary>
    public static ImmutableArray<string> SloAlerting { get; } = ["windows", "minBadEvents"];

    /// <summary>One custom burn-rate pair under <c>alerting.windows</c>.</summary>
    public static ImmutableArray<string> WindowPair { get; } = ["severity", "longWindow", "shortWindow", "factor"];

    /// <summary>The SLO periods, as the spec writes them.</summary>
    public static ImmutableArray<string> SloWindows { get; } = ["7d", "28d", "30d"];

    /// <summary>The SLO budgeting methods.</summary>
    public static ImmutableArray<string> Budgetings { get; } = ["occurrences", "timeslices"];

    /// <summary>Burn-rate pair severities.</summary>
    public static ImmutableArray<string> PairSeverities { get; } = ["page", "ticket"];

    /// <summary>The one word <c>alerting.windows</c> takes instead of a list.</summary>
    public const string DefaultWindows = "default";

    /// <summary>Assertion severities.</summary>
    public static ImmutableArray<string> Severities { get; } = ["fail", "degrade"];

    /// <summary>One item of <c>dataChecks</c>.</summary>
    public static ImmutableArray<string> DataCheck { get; } =
        ["name", "service", "description", "enabled", "interval", "timeout", "dataset", "timeZone", "labels", "alert", "source", "rules"];

    /// <summary>The source kinds, exactly one of which a data check's <c>source</c> has.</summary>
    public static ImmutableArray<string> DataSourceKinds { get; } = ["kql", "table", "blob", "http", "sql", "adf"];

    /// <summary>A <c>kql</c> source.</summary>
    public static ImmutableArray<string> KqlSource { get; } = ["query", "schemaQuery", "runsQuery"];

    /// <summary>An Azure Storage table name, as the JSON Schema writes it: 3 to 63 letters and digits, starting with a letter.</summary>
    public const string TableNamePattern = "^[A-Za-z][A-Za-z0-9]{2,62}$";

    /// <summary>A <c>table</c> source.</summary>
    public static ImmutableArray<string> TableSource { get; } = ["connection", "table", "partitionKey"];

    /// <summary>A <c>blob</c> source.</summary>
    public static ImmutableArray<string> BlobSource { get; } = ["connection", "container", "prefix"];

    /// <summary>An <c>http</c> source.</summary>
    public static ImmutableArray<string> HttpSource { get; } =
        ["url", "headers", "timestamp", "items", "count", "status", "startedAt", "endedAt", "successValues", "runningValues"];

    /// <summary>The fields of an <c>http</c> source that hold a JSONPath.</summary>
    public static ImmutableArray<string> HttpJsonPaths { get; } = ["timestamp", "items", "count", "status", "startedAt", "endedAt"];

    /// <summary>A <c>sql</c> source.</summary>
    public static ImmutableArray<string> SqlSource { get; } = ["provider", "connectionString", "query", "schemaQuery", "runsQuery"];

    /// <summary>The SQL providers, as the spec writes them.</summary>
    public static ImmutableArray<string> SqlProviders { get; } = ["postgres", "sqlserver"];

    /// <summary>An <c>adf</c> source.</summary>
    public static ImmutableArray<string> AdfSource { get; } = ["pipelines", "factory"];

    /// <summary>The rules a data check's <c>rules</c> may set, at least one.</summary>
    public static ImmutableArray<string> DataRuleKinds { get; } = ["freshness", "volume", "anomaly", "schema", "pipeline"];

    /// <summary>A <c>freshness</c> rule.</summary>
    public static ImmutableArray<string> FreshnessRule { get; } = ["maxAge", "warnAfter", "deadline", "severity"];

    /// <summary>A freshness rule's <c>deadline</c>.</summary>
    public static ImmutableArray<string> FreshnessDeadline { get; } = ["at", "days"];

    /// <summary>A <c>volume</c> rule.</summary>
    public static ImmutableArray<string> VolumeRule { get; } = ["window", "min", "max", "minBytes", "severity"];

    /// <summary>An <c>anomaly</c> rule.</summary>
    public static ImmutableArray<string> AnomalyRule { get; } = ["window", "sensitivity", "trainingPoints", "minimumHistory", "direction", "severity"];

    /// <summary>The anomaly directions, as the spec writes them.</summary>
    public static ImmutableArray<string> AnomalyDirections { get; } = ["both", "spike", "drop"];

    /// <summary>A <c>schema</c> rule.</summary>
    public static ImmutableArray<string> SchemaRule { get; } = ["ignoreAdded", "severity"];

    /// <summary>A <c>pipeline</c> rule.</summary>
    public static ImmutableArray<string> PipelineRule { get; } = ["lookback", "maxDuration", "severity"];
}
