using Monitoring.Core.Alerting;
using Monitoring.Core.DataChecks;
using Monitoring.Core.Spec;
using Xunit;

namespace Monitoring.Core.Tests.Spec;

/// <summary>The <c>dataChecks</c> section: every field mapped, the defaults, and each mistake reported with its path.</summary>
public sealed class SpecLoaderDataCheckTests
{
    private const string DataChecks = """
        version: monitoring/v1
        services:
          shop:
            team: web-platform
        checks:
          - name: homepage
            request:
              url: https://shop.example.com/
        dataChecks:
          - name: orders-feed
            service: shop
            description: Orders land from the shop database.
            enabled: false
            interval: 1m
            timeout: 10s
            dataset: orders
            timeZone: Europe/London
            labels: { tier: gold }
            alert: { severity: critical, failureThreshold: 2, successThreshold: 3, keepFiringFor: 10m }
            source:
              sql:
                provider: postgres
                connectionString: "${env:ORDERS_DB}"
                query: "select max(created_at) as last_updated, count(*) as row_count from orders"
                schemaQuery: "select column_name, data_type from information_schema.columns"
                runsQuery: "select * from etl_runs"
            rules:
              freshness: { maxAge: 15m, warnAfter: 10m, deadline: { at: "06:00", days: [mon, tue, wed, thu, fri] }, severity: critical }
              volume: { window: 2h, min: 1, max: 100000, minBytes: 1, severity: warning }
              anomaly: { window: 6h, sensitivity: 2.5, trainingPoints: 8, minimumHistory: 3, direction: drop, severity: info }
              schema: { ignoreAdded: true, severity: info }
              pipeline: { lookback: 12h, maxDuration: 2h, severity: warning }
          - name: searches
            source:
              kql:
                query: "AppRequests | summarize LastUpdated = max(TimeGenerated), RowCount = count()"
                schemaQuery: "AppRequests | getschema"
                runsQuery: "PipelineRuns"
            rules:
              volume: { max: 5000000000 }
          - name: events
            source:
              table: { table: events, partitionKey: "2026-11-23" }
            rules:
              freshness: { maxAge: 1h }
          - name: landing
            source:
              blob: { connection: LandingStorage, container: landing, prefix: orders/ }
            rules:
              anomaly: {}
          - name: partner-feed
            source:
              http:
                url: "${env:FEED_URL}/orders"
                headers: { X-Key: "${env:FEED_KEY}" }
                timestamp: $.generatedAt
                items: $.orders
                count: $.total
                status: $.run.status
                startedAt: $.run.start
                endedAt: $.run.end
                successValues: [Succeeded, Done]
                runningValues: [Running]
            rules:
              schema: {}
          - name: nightly-ingest
            source:
              adf: { pipelines: [ingest-orders, ingest-returns], factory: adf-prod }
            rules:
              pipeline: {}
        slos:
          - name: orders-fresh
            objective: 99.5
            sli:
              freshness: { dataCheck: orders-feed }
        """;

    private static readonly TestEnvironment Environment = new(new Dictionary<string, string>
    {
        ["ORDERS_DB"] = "Host=db;Password=from-the-vault",
        ["FEED_URL"] = "https://feeds.example.com",
        ["FEED_KEY"] = "feed-key",
    });

    [Fact]
    public void Load_MapsEveryDataCheck_InSpecOrder()
    {
        var spec = LoadValid(DataChecks);

        Assert.Equal(["orders-feed", "searches", "events", "landing", "partner-feed", "nightly-ingest"], spec.DataChecks.Select(c => c.Name));
    }

    [Fact]
    public void Load_MapsEveryFieldOfADataCheck()
    {
        var check = LoadValid(DataChecks).FindDataCheck("orders-feed")!;

        Assert.Equal("shop", check.Service);
        Assert.Equal("Orders land from the shop database.", check.Description);
        Assert.False(check.Enabled);
        Assert.Equal(TimeSpan.FromMinutes(1), check.Interval);
        Assert.Equal(TimeSpan.FromSeconds(10), check.Timeout);
        Assert.Equal("orders", check.Dataset);
        Assert.Equal("Europe/London", check.Zone.Id);
        Assert.Equal(new Dictionary<string, string> { ["tier"] = "gold" }, check.Labels);
        Assert.Equal(new CheckAlertSpec(AlertSeverity.Critical, 2, 3, TimeSpan.FromMinutes(10)), check.Alert);
    }

    [Fact]
    public void Load_MapsASqlSource_KeepingItsConnectionStringAReference()
    {
        var sql = Assert.IsType<SqlSourceSpec>(LoadValid(DataChecks).FindDataCheck("orders-feed")!.Source);

        Assert.Equal(SqlProvider.Postgres, sql.Provider);
        Assert.Equal("${env:ORDERS_DB}", sql.ConnectionString.Text);
        Assert.Equal(new EnvironmentPart("ORDERS_DB", null), Assert.Single(sql.ConnectionString.EnvironmentReferences));
        Assert.Equal("select max(created_at) as last_updated, count(*) as row_count from orders", sql.Query);
        Assert.Equal("select column_name, data_type from information_schema.columns", sql.SchemaQuery);
        Assert.Equal("select * from etl_runs", sql.RunsQuery);
    }

    [Fact]
    public void Load_MapsEveryRule_WithItsOwnSeverity()
    {
        var check = LoadValid(DataChecks).FindDataCheck("orders-feed")!;
        var rules = check.Rules;

        var freshness = rules.Freshness!;
        Assert.Equal((TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(10), AlertSeverity.Critical), (freshness.MaxAge, freshness.WarnAfter, freshness.Severity));
        Assert.Equal(new TimeOnly(6, 0), freshness.Deadline!.Time);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], freshness.Deadline.Days.Order());
        Assert.Equal(check.Zone, freshness.Deadline.Zone);
        Assert.Equal(new VolumeRuleSpec(TimeSpan.FromHours(2), 1, 100000, 1, AlertSeverity.Warning), rules.Volume);
        Assert.Equal(new AnomalyRuleSpec(TimeSpan.FromHours(6), new AnomalySettings(2.5, 8, 3, AnomalyDirection.Drop), AlertSeverity.Info), rules.Anomaly);
        Assert.Equal(new SchemaRuleSpec(IgnoreAdded: true, AlertSeverity.Info), rules.Schema);
        Assert.Equal(new PipelineRuleSpec(TimeSpan.FromHours(12), TimeSpan.FromHours(2), AlertSeverity.Warning), rules.Pipeline);
    }

    [Fact]
    public void Load_MapsAKqlSource_AndCountsBeyondInt()
    {
        var check = LoadValid(DataChecks).FindDataCheck("searches")!;

        Assert.Equal(new KqlSourceSpec("AppRequests | summarize LastUpdated = max(TimeGenerated), RowCount = count()", "AppRequests | getschema", "PipelineRuns"), check.Source);
        Assert.Equal(5_000_000_000, check.Rules.Volume!.Max);
        Assert.Equal(VolumeRuleSpec.DefaultWindow, check.Rules.Volume.Window);
        Assert.Null(check.Rules.Volume.Min);
    }

    [Fact]
    public void Load_MapsStorageSources_WithTheHostsStorageByDefault()
    {
        var spec = LoadValid(DataChecks);

        Assert.Equal(new TableSourceSpec("AzureWebJobsStorage", "events", "2026-11-23"), spec.FindDataCheck("events")!.Source);
        Assert.Equal(new BlobSourceSpec("LandingStorage", "landing", "orders/"), spec.FindDataCheck("landing")!.Source);
    }

    [Fact]
    public void Load_MapsAnHttpSource_WithTemplatesAndJsonPaths()
    {
        var http = Assert.IsType<HttpJsonSourceSpec>(LoadValid(DataChecks).FindDataCheck("partner-feed")!.Source);

        Assert.Equal("${env:FEED_URL}/orders", http.Url.Text);
        var header = Assert.Single(http.Headers);
        Assert.Equal(("X-Key", "${env:FEED_KEY}"), (header.Name, header.Value.Text));
        Assert.Equal(
            ["$.generatedAt", "$.orders", "$.total", "$.run.status", "$.run.start", "$.run.end"],
            [http.Timestamp, http.Items, http.Count, http.Status, http.StartedAt, http.EndedAt]);
        Assert.Equal(["Succeeded", "Done"], http.SuccessValues);
        Assert.Equal(["Running"], http.RunningValues);
    }

    [Fact]
    public void Load_MapsAnAdfSource()
    {
        var adf = Assert.IsType<AdfSourceSpec>(LoadValid(DataChecks).FindDataCheck("nightly-ingest")!.Source);

        Assert.Equal(["ingest-orders", "ingest-returns"], adf.Pipelines);
        Assert.Equal("adf-prod", adf.Factory);
    }

    [Fact]
    public void Load_FillsDefaults_WhenADataCheckSaysLittle()
    {
        var check = LoadValid(DataChecks).FindDataCheck("events")!;

        Assert.Null(check.Service);
        Assert.Null(check.Description);
        Assert.True(check.Enabled);
        Assert.Equal(DataCheckSpec.DefaultInterval, check.Interval);
        Assert.Equal(DataCheckSpec.DefaultTimeout, check.Timeout);
        Assert.Equal("events", check.Dataset);
        Assert.Equal(TimeZoneInfo.Utc, check.Zone);
        Assert.Empty(check.Labels);
        Assert.Equal(DataCheckSpec.DefaultAlert, check.Alert);
        Assert.Equal(new FreshnessRuleSpec(TimeSpan.FromHours(1), null, null, null), check.Rules.Freshness);
        Assert.Equal(new DataRulesSpec(check.Rules.Freshness, null, null, null, null), check.Rules);
    }

    [Fact]
    public void Load_FillsRuleDefaults_WhenRulesAreEmpty()
    {
        var spec = LoadValid(DataChecks);

        Assert.Equal(new AnomalyRuleSpec(AnomalyRuleSpec.DefaultWindow, new AnomalySettings(), null), spec.FindDataCheck("landing")!.Rules.Anomaly);
        Assert.Equal(new SchemaRuleSpec(IgnoreAdded: false, null), spec.FindDataCheck("partner-feed")!.Rules.Schema);
        Assert.Equal(new PipelineRuleSpec(PipelineRuleSpec.DefaultLookback, null, null), spec.FindDataCheck("nightly-ingest")!.Rules.Pipeline);
    }

    [Fact]
    public void Load_TakesDefaultStatusValues_WhenAnHttpSourceGivesNone()
    {
        var yaml = Mutate(DataChecks, "        successValues: [Succeeded, Done]\n        runningValues: [Running]\n", string.Empty);

        var http = Assert.IsType<HttpJsonSourceSpec>(LoadValid(yaml).FindDataCheck("partner-feed")!.Source);

        Assert.Equal(HttpJsonSourceSpec.DefaultSuccessValues, http.SuccessValues);
        Assert.Equal(HttpJsonSourceSpec.DefaultRunningValues, http.RunningValues);
    }

    [Fact]
    public void Load_CutsTheDefaultTimeout_ToAShorterInterval()
    {
        var yaml = Mutate(DataChecks, "table: { table: events", "table: { table: events, connection: EventStorage").Replace("  - name: events\n", "  - name: events\n    interval: 20s\n", StringComparison.Ordinal);

        var check = LoadValid(yaml).FindDataCheck("events")!;

        Assert.Equal((TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20)), (check.Interval, check.Timeout));
        Assert.Equal("EventStorage", ((TableSourceSpec)check.Source).Connection);
    }

    [Fact]
    public void Load_LowersTheDefaultMinimumHistory_ToAShortTraining()
    {
        var yaml = Mutate(DataChecks, "anomaly: {}", "anomaly: { trainingPoints: 2 }");

        var settings = LoadValid(yaml).FindDataCheck("landing")!.Rules.Anomaly!.Settings;

        Assert.Equal((2, 2), (settings.TrainingPoints, settings.MinimumHistory));
    }

    [Fact]
    public void Load_AcceptsAnEmptyDataChecksSection()
    {
        var result = SpecLoader.Load("version: monitoring/v1\ndataChecks: []\n", SpecFormat.Yaml, TestEnvironment.Empty);

        Assert.True(result.IsValid, string.Join(System.Environment.NewLine, result.Errors));
        Assert.Empty(result.Spec!.DataChecks);
    }

    [Theory]
    // The data check itself
    [InlineData("  - name: events\n", "  - description: events\n", "dataChecks[2].name", "is required")]
    [InlineData("name: events", "name: 2events", "dataChecks[2] (2events).name", "'2events' is not a valid name")]
    [InlineData("name: events", "name: landing", "dataChecks[3] (landing).name", "duplicate data check name 'landing': dataChecks[2] (landing) already uses it")]
    [InlineData("name: searches", "name: homepage", "dataChecks[1] (homepage).name", "name 'homepage' is already used by checks[0] (homepage): checks and data checks share their names")]
    [InlineData("service: shop\n    description", "service: billing\n    description", "dataChecks[0] (orders-feed).service", "service 'billing' is not declared under services (declared: shop)")]
    [InlineData("    dataset: orders", "    datasets: orders", "dataChecks[0] (orders-feed).datasets", "unknown field 'datasets' (did you mean 'dataset'?)")]
    [InlineData("dataset: orders", "dataset: \" \"", "dataChecks[0] (orders-feed).dataset", "must not be empty")]
    [InlineData("interval: 1m", "interval: 5s", "dataChecks[0] (orders-feed).interval", "interval 5s must be at least 10s")]
    [InlineData("interval: 1m", "interval: 1 minute", "dataChecks[0] (orders-feed).interval", "'1 minute' is not a duration")]
    [InlineData("timeout: 10s", "timeout: 2m", "dataChecks[0] (orders-feed).timeout", "timeout 2m must not exceed the interval 1m, or reads of the data check would overlap")]
    [InlineData("Europe/London", "Mars/Olympus", "dataChecks[0] (orders-feed).timeZone", "'Mars/Olympus' is not a time zone")]
    [InlineData("enabled: false", "enabled: nope", "dataChecks[0] (orders-feed).enabled", "expected true or false")]
    [InlineData("labels: { tier: gold }", "labels: gold", "dataChecks[0] (orders-feed).labels", "expected a mapping, not 'gold'")]
    [InlineData("alert: { severity: critical", "alert: { severity: urgent", "dataChecks[0] (orders-feed).alert.severity", "'urgent' is not a severity: use critical, warning, info")]
    [InlineData("failureThreshold: 2", "failureThreshhold: 2", "dataChecks[0] (orders-feed).alert.failureThreshhold", "did you mean 'failureThreshold'?")]
    [InlineData("successThreshold: 3", "successThreshold: 21", "dataChecks[0] (orders-feed).alert.successThreshold", "must be from 1 to 20, not 21")]
    // The source
    [InlineData("    source:\n      table:", "    sources:\n      table:", "dataChecks[2] (events).source", "is required")]
    [InlineData("table: { table: events, partitionKey: \"2026-11-23\" }", "table: { table: events }\n      blob: { container: logs }", "dataChecks[2] (events).source", "needs exactly one source kind of kql, table, blob, http, sql or adf, but has table and blob")]
    [InlineData("      kql:\n        query", "      kusto:\n        query", "dataChecks[1] (searches).source.kusto", "unknown field 'kusto'; allowed fields: kql, table, blob, http, sql, adf")]
    [InlineData("      kql:\n        query", "      kusto:\n        query", "dataChecks[1] (searches).source", "but has none")]
    [InlineData("runsQuery: \"PipelineRuns\"", "runQuery: \"PipelineRuns\"", "dataChecks[1] (searches).source.kql.runQuery", "did you mean 'runsQuery'?")]
    [InlineData("schemaQuery: \"AppRequests | getschema\"", "schemaQuery: \"\"", "dataChecks[1] (searches).source.kql.schemaQuery", "must not be empty")]
    [InlineData("table: { table: events, ", "table: { ", "dataChecks[2] (events).source.table.table", "is required")]
    [InlineData("table: events", "table: order-events", "dataChecks[2] (events).source.table.table", "'order-events' is not a table name")]
    [InlineData("connection: LandingStorage, ", "connection: \"\", ", "dataChecks[3] (landing).source.blob.connection", "must not be empty")]
    [InlineData("container: landing", "container: Landing_Zone", "dataChecks[3] (landing).source.blob.container", "'Landing_Zone' is not a container name")]
    [InlineData("container: landing, ", "", "dataChecks[3] (landing).source.blob.container", "is required")]
    [InlineData("        url: \"${env:FEED_URL}/orders\"\n", "", "dataChecks[4] (partner-feed).source.http.url", "is required")]
    [InlineData("url: \"${env:FEED_URL}/orders\"", "url: feeds.example.com/orders", "dataChecks[4] (partner-feed).source.http.url", "'feeds.example.com/orders' is not an absolute http or https URL")]
    [InlineData("url: \"${env:FEED_URL}/orders\"", "url: \"{{feedUrl}}/orders\"", "dataChecks[4] (partner-feed).source.http.url", "variable 'feedUrl' cannot be used here: data checks have no variables; use ${env:NAME}")]
    [InlineData("X-Key: \"${env:FEED_KEY}\"", "X-Key: \"{{key}}\"", "dataChecks[4] (partner-feed).source.http.headers.X-Key", "variable 'key' cannot be used here: data checks have no variables")]
    [InlineData("X-Key: \"${env:FEED_KEY}\"", "X-Key: \"${env:FEED_SECRET}\"", "dataChecks[4] (partner-feed).source.http.headers.X-Key", "environment variable 'FEED_SECRET' is not set")]
    [InlineData("timestamp: $.generatedAt", "timestamp: generatedAt", "dataChecks[4] (partner-feed).source.http.timestamp", "'generatedAt' is not a JSONPath: start it at the document's root, e.g. $.generatedAt")]
    [InlineData("items: $.orders", "items: \"\"", "dataChecks[4] (partner-feed).source.http.items", "a JSONPath must not be empty")]
    [InlineData("count: $.total", "count: \"$.total[\"", "dataChecks[4] (partner-feed).source.http.count", "'$.total[' is not a valid JSONPath")]
    [InlineData("status: $.run.status", "status: 3", "dataChecks[4] (partner-feed).source.http.status", "'3' is not a JSONPath")]
    [InlineData("        status: $.run.status\n", "", "dataChecks[4] (partner-feed).source.http.startedAt", "applies only with status")]
    [InlineData("successValues: [Succeeded, Done]", "successValues: []", "dataChecks[4] (partner-feed).source.http.successValues", "must list at least one value")]
    [InlineData("runningValues: [Running]", "runningValues: [Running, \"\"]", "dataChecks[4] (partner-feed).source.http.runningValues[1]", "must not be empty")]
    [InlineData("provider: postgres", "provider: mysql", "dataChecks[0] (orders-feed).source.sql.provider", "'mysql' is not a SQL provider: use postgres or sqlserver")]
    [InlineData("provider: postgres", "provider: Postgres", "dataChecks[0] (orders-feed).source.sql.provider", "'Postgres' is not a SQL provider")]
    [InlineData("        provider: postgres\n", "", "dataChecks[0] (orders-feed).source.sql.provider", "is required")]
    [InlineData("        connectionString: \"${env:ORDERS_DB}\"\n", "", "dataChecks[0] (orders-feed).source.sql.connectionString", "is required")]
    [InlineData("connectionString: \"${env:ORDERS_DB}\"", "connectionString: \"{{db}}\"", "dataChecks[0] (orders-feed).source.sql.connectionString", "variable 'db' cannot be used here")]
    [InlineData("connectionString: \"${env:ORDERS_DB}\"", "connectionString: \"${env:ORDERS_DATABASE}\"", "dataChecks[0] (orders-feed).source.sql.connectionString", "environment variable 'ORDERS_DATABASE' is not set")]
    [InlineData("pipelines: [ingest-orders, ingest-returns]", "pipelines: [ingest-orders, \"\"]", "dataChecks[5] (nightly-ingest).source.adf.pipelines[1]", "must not be empty")]
    [InlineData("pipelines: [ingest-orders, ingest-returns]", "pipelines: ingest-orders", "dataChecks[5] (nightly-ingest).source.adf.pipelines", "expected a list, not 'ingest-orders'")]
    [InlineData("factory: adf-prod", "factroy: adf-prod", "dataChecks[5] (nightly-ingest).source.adf.factroy", "did you mean 'factory'?")]
    // The rules
    [InlineData("    rules:\n      freshness: { maxAge: 1h }\n", "", "dataChecks[2] (events).rules", "is required")]
    [InlineData("rules:\n      freshness: { maxAge: 1h }", "rules: {}", "dataChecks[2] (events).rules", "needs at least one rule of freshness, volume, anomaly, schema or pipeline")]
    [InlineData("freshness: { maxAge: 1h }", "freshnes: { maxAge: 1h }", "dataChecks[2] (events).rules.freshnes", "unknown field 'freshnes' (did you mean 'freshness'?)")]
    [InlineData("schema: {}", "schema: true", "dataChecks[4] (partner-feed).rules.schema", "expected a mapping, not 'true'")]
    [InlineData("freshness: { maxAge: 1h }", "freshness: { severity: info }", "dataChecks[2] (events).rules.freshness", "needs maxAge (how old the data may be), deadline (when it must have landed), or both")]
    [InlineData("freshness: { maxAge: 1h }", "freshness: { maxage: 1h }", "dataChecks[2] (events).rules.freshness.maxage", "did you mean 'maxAge'?")]
    [InlineData("warnAfter: 10m", "warnAfter: 15m", "dataChecks[0] (orders-feed).rules.freshness.warnAfter", "warnAfter 15m must be shorter than maxAge 15m")]
    [InlineData("{ maxAge: 15m, warnAfter", "{ warnAfter", "dataChecks[0] (orders-feed).rules.freshness.warnAfter", "applies only with maxAge")]
    [InlineData("at: \"06:00\"", "at: \"6am\"", "dataChecks[0] (orders-feed).rules.freshness.deadline.at", "'6am' is not a time of day: use HH:mm")]
    [InlineData("at: \"06:00\", ", "", "dataChecks[0] (orders-feed).rules.freshness.deadline.at", "is required")]
    [InlineData("days: [mon, tue, wed, thu, fri]", "days: [mon, tue, wed, thu, friday]", "dataChecks[0] (orders-feed).rules.freshness.deadline.days[4]", "'friday' is not a day: use mon, tue, wed, thu, fri, sat or sun")]
    [InlineData("}, severity: critical }", "}, severity: page }", "dataChecks[0] (orders-feed).rules.freshness.severity", "'page' is not a severity: use critical, warning, info")]
    [InlineData("volume: { max: 5000000000 }", "volume: { window: 1h }", "dataChecks[1] (searches).rules.volume", "needs at least one bound: min, max or minBytes")]
    [InlineData("min: 1, max: 100000", "min: 200000, max: 100000", "dataChecks[0] (orders-feed).rules.volume.min", "min 200000 must not exceed max 100000")]
    [InlineData("min: 1, max: 100000", "min: -1, max: 100000", "dataChecks[0] (orders-feed).rules.volume.min", "must be from 0 to")]
    [InlineData("minBytes: 1,", "minBytes: lots,", "dataChecks[0] (orders-feed).rules.volume.minBytes", "expected a whole number, not 'lots'")]
    [InlineData("window: 6h", "window: 8d", "dataChecks[0] (orders-feed).rules.anomaly.window", "must be at most 7d")]
    [InlineData("sensitivity: 2.5", "sensitivity: 0", "dataChecks[0] (orders-feed).rules.anomaly.sensitivity", "must be greater than 0 (standard deviations), not 0")]
    [InlineData("trainingPoints: 8", "trainingPoints: 53", "dataChecks[0] (orders-feed).rules.anomaly.trainingPoints", "must be from 1 to 52, not 53")]
    [InlineData("minimumHistory: 3", "minimumHistory: 0", "dataChecks[0] (orders-feed).rules.anomaly.minimumHistory", "must be from 1 to 52, not 0")]
    [InlineData("minimumHistory: 3", "minimumHistory: 9", "dataChecks[0] (orders-feed).rules.anomaly.minimumHistory", "minimumHistory 9 must not exceed trainingPoints 8")]
    [InlineData("anomaly: {}", "anomaly: { minimumHistory: 15 }", "dataChecks[3] (landing).rules.anomaly.minimumHistory", "minimumHistory 15 must not exceed trainingPoints 14")]
    [InlineData("direction: drop", "direction: down", "dataChecks[0] (orders-feed).rules.anomaly.direction", "'down' is not a direction: use both, spike, drop")]
    [InlineData("ignoreAdded: true", "ignoreAdded: yes please", "dataChecks[0] (orders-feed).rules.schema.ignoreAdded", "expected true or false")]
    [InlineData("lookback: 12h", "lookback: 0s", "dataChecks[0] (orders-feed).rules.pipeline.lookback", "must be longer than zero")]
    [InlineData("maxDuration: 2h", "maxDuration: two hours", "dataChecks[0] (orders-feed).rules.pipeline.maxDuration", "'two hours' is not a duration")]
    // What the source can answer
    [InlineData("freshness: { maxAge: 1h }", "schema: {}", "dataChecks[2] (events).rules.schema", "table sources cannot answer the schema rule: it works with kql, http or sql sources")]
    [InlineData("anomaly: {}", "pipeline: {}", "dataChecks[3] (landing).rules.pipeline", "blob sources cannot answer the pipeline rule: it works with kql, http, sql or adf sources")]
    [InlineData("schema: {}", "anomaly: {}", "dataChecks[4] (partner-feed).rules.anomaly", "http sources cannot answer the anomaly rule: it works with kql, table, blob or sql sources")]
    [InlineData("pipeline: {}", "volume: { min: 1 }", "dataChecks[5] (nightly-ingest).rules.volume", "adf sources cannot answer the volume rule: it works with kql, table, blob, http or sql sources")]
    [InlineData("pipeline: {}", "schema: {}", "dataChecks[5] (nightly-ingest).rules.schema", "adf sources cannot answer the schema rule")]
    [InlineData("        schemaQuery: \"select column_name, data_type from information_schema.columns\"\n", "", "dataChecks[0] (orders-feed).source.sql.schemaQuery", "is required by the schema rule")]
    [InlineData("        runsQuery: \"select * from etl_runs\"\n", "", "dataChecks[0] (orders-feed).source.sql.runsQuery", "is required by the pipeline rule")]
    [InlineData("        query: \"AppRequests | summarize LastUpdated = max(TimeGenerated), RowCount = count()\"\n", "", "dataChecks[1] (searches).source.kql.query", "is required by the volume rule")]
    [InlineData("        items: $.orders\n", "", "dataChecks[4] (partner-feed).source.http.items", "is required by the schema rule")]
    [InlineData("freshness: { maxAge: 1h }", "volume: { minBytes: 1 }", "dataChecks[2] (events).rules.volume.minBytes", "table sources do not know bytes: minBytes works with kql, blob or sql sources")]
    // The freshness SLI
    [InlineData("dataCheck: orders-feed", "dataCheck: orders", "slos[0] (orders-fresh).sli.freshness.dataCheck", "data check 'orders' is not declared under dataChecks (declared: events, landing, nightly-ingest, orders-feed, partner-feed, searches)")]
    [InlineData("dataCheck: orders-feed", "dataCheck: searches", "slos[0] (orders-fresh).sli.freshness.dataCheck", "data check 'searches' has no freshness rule: a freshness SLI counts the minutes in which that rule passes")]
    [InlineData("dataCheck: orders-feed", "dataCheck: homepage", "slos[0] (orders-fresh).sli.freshness.dataCheck", "data check 'homepage' is not declared under dataChecks")]
    public void Load_ReportsDataCheckMistakes_WithTheirPath(string find, string replace, string path, string fragment)
    {
        var result = SpecLoader.Load(Mutate(DataChecks, find, replace), SpecFormat.Yaml, Environment);

        Assert.Null(result.Spec);
        Assert.Single(result.Errors, e => e.Path == path && e.Message.Contains(fragment, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_ReportsEveryMistakeOfADataCheck_AtOnce()
    {
        var yaml = Mutate(DataChecks, "interval: 1m", "interval: 5s")
            .Replace("provider: postgres", "provider: oracle", StringComparison.Ordinal)
            .Replace("direction: drop", "direction: sideways", StringComparison.Ordinal);

        var result = SpecLoader.Load(yaml, SpecFormat.Yaml, Environment);

        Assert.Equal(
            [
                "dataChecks[0] (orders-feed).interval",
                "dataChecks[0] (orders-feed).timeout",
                "dataChecks[0] (orders-feed).source.sql.provider",
                "dataChecks[0] (orders-feed).rules.anomaly.direction",
            ],
            result.Errors.Select(e => e.Path));
        Assert.Equal(Fixture.LineOf(yaml, "interval: 5s"), result.Errors[0].Line);
    }

    [Fact]
    public void Load_ReportsAnSloOnce_WhenItsDataCheckHasErrorsOfItsOwn()
    {
        var result = SpecLoader.Load(Mutate(DataChecks, "warnAfter: 10m", "warnAfter: 1h"), SpecFormat.Yaml, Environment);

        var error = Assert.Single(result.Errors);
        Assert.Equal("dataChecks[0] (orders-feed).rules.freshness.warnAfter", error.Path);
    }

    [Theory]
    // Each rule on each source that answers it, with the fields it needs.
    [InlineData("{ kql: { query: Q } }", "{ freshness: { maxAge: 1h }, volume: { min: 1 }, anomaly: {} }")]
    [InlineData("{ kql: { schemaQuery: Q } }", "{ schema: {} }")]
    [InlineData("{ kql: { runsQuery: Q } }", "{ pipeline: {} }")]
    [InlineData("{ table: { table: events } }", "{ freshness: { maxAge: 1h }, volume: { min: 1 }, anomaly: {} }")]
    [InlineData("{ blob: { container: landing } }", "{ freshness: { maxAge: 1h }, volume: { minBytes: 1 }, anomaly: {} }")]
    [InlineData("{ http: { url: \"https://feed.example.com/\", timestamp: $.at } }", "{ freshness: { maxAge: 1h } }")]
    [InlineData("{ http: { url: \"https://feed.example.com/\", items: $.rows } }", "{ volume: { min: 1 }, schema: {} }")]
    [InlineData("{ http: { url: \"https://feed.example.com/\", count: $.total } }", "{ volume: { min: 1 } }")]
    [InlineData("{ http: { url: \"https://feed.example.com/\", status: $.status } }", "{ pipeline: {} }")]
    [InlineData("{ sql: { provider: sqlserver, connectionString: \"${env:DB:-Server=db;Integrated Security=true}\", query: Q } }", "{ freshness: { deadline: { at: \"07:30\" } }, volume: { max: 10 }, anomaly: {} }")]
    [InlineData("{ sql: { provider: postgres, connectionString: \"Host=db;Password=${env:DB_PASSWORD:-}\", schemaQuery: Q, runsQuery: R } }", "{ schema: {}, pipeline: {} }")]
    [InlineData("{ adf: {} }", "{ freshness: { maxAge: 1d }, pipeline: { maxDuration: 3h } }")]
    public void Load_AcceptsEveryRule_OnTheSourcesThatAnswerIt(string source, string rules)
    {
        var result = SpecLoader.Load(OneDataCheck(source, rules), SpecFormat.Yaml, TestEnvironment.Empty);

        Assert.True(result.IsValid, string.Join(System.Environment.NewLine, result.Errors));
        Assert.Single(result.Spec!.DataChecks);
    }

    [Theory]
    [InlineData("{ http: { url: \"https://feed.example.com/\" } }", "{ freshness: { maxAge: 1h } }", "source.http.timestamp", "is required by the freshness rule")]
    [InlineData("{ http: { url: \"https://feed.example.com/\" } }", "{ volume: { min: 1 } }", "source.http.items", "is required by the volume rule (or set count instead)")]
    [InlineData("{ http: { url: \"https://feed.example.com/\", items: $.rows } }", "{ pipeline: {} }", "source.http.status", "is required by the pipeline rule")]
    [InlineData("{ http: { url: \"https://feed.example.com/\", items: $.rows } }", "{ volume: { minBytes: 1 } }", "rules.volume.minBytes", "http sources do not know bytes")]
    [InlineData("{ kql: { query: Q } }", "{ schema: {} }", "source.kql.schemaQuery", "is required by the schema rule")]
    [InlineData("{ kql: { query: Q } }", "{ pipeline: {} }", "source.kql.runsQuery", "is required by the pipeline rule")]
    [InlineData("{ sql: { provider: postgres, connectionString: \"${env:DB:-x}\", runsQuery: R } }", "{ freshness: { maxAge: 1h } }", "source.sql.query", "is required by the freshness rule")]
    [InlineData("{ table: { table: events } }", "{ pipeline: {} }", "rules.pipeline", "table sources cannot answer the pipeline rule")]
    [InlineData("{ blob: { container: landing } }", "{ schema: {} }", "rules.schema", "blob sources cannot answer the schema rule")]
    [InlineData("{ adf: {} }", "{ anomaly: {} }", "rules.anomaly", "adf sources cannot answer the anomaly rule")]
    public void Load_ReportsARule_ItsSourceCannotAnswerAsWritten(string source, string rules, string path, string fragment)
    {
        var result = SpecLoader.Load(OneDataCheck(source, rules), SpecFormat.Yaml, TestEnvironment.Empty);

        var error = Assert.Single(result.Errors);
        Assert.Equal("dataChecks[0] (probe)." + path, error.Path);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("${env:ORDERS_DB}", true)]
    [InlineData("Host=db;Username=monitor;Password=${env:ORDERS_DB_PASSWORD}", true)]
    [InlineData("Server=db;Integrated Security=true;Encrypt=true", true)]
    [InlineData("Host=db;Password=;Username=monitor", true)]
    [InlineData("Host=db;Username=monitor;Password=hunter2", false)]
    [InlineData("Server=db;User Id=monitor;PWD=hunter2;Encrypt=true", false)]
    [InlineData("Host=db; password = hunter2", false)]
    [InlineData("Host=db;Password=hunter${env:SUFFIX}", false)]
    [InlineData("${env:ORDERS_DB:-Host=db;Password=hunter2}", false)]
    public void Load_RejectsAPasswordWrittenIntoAConnectionString(string connectionString, bool valid)
    {
        var source = $"{{ sql: {{ provider: postgres, connectionString: \"{connectionString}\", query: Q }} }}";
        var environment = new TestEnvironment(new Dictionary<string, string> { ["ORDERS_DB"] = "x", ["ORDERS_DB_PASSWORD"] = "x", ["SUFFIX"] = "x" });

        var result = SpecLoader.Load(OneDataCheck(source, "{ freshness: { maxAge: 1h } }"), SpecFormat.Yaml, environment);

        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            var error = Assert.Single(result.Errors);
            Assert.Equal("dataChecks[0] (probe).source.sql.connectionString", error.Path);
            Assert.StartsWith("holds a password in plain text: reference it with ${env:NAME}", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Load_KeepsEnvironmentReferencesOfDataChecks_WithoutReadingTheirValues()
    {
        var snapshot = SpecSnapshot.Of(LoadValid(DataChecks));

        Assert.Contains("${env:ORDERS_DB}", snapshot, StringComparison.Ordinal);
        Assert.DoesNotContain("from-the-vault", snapshot, StringComparison.Ordinal);
        Assert.DoesNotContain("feed-key", snapshot, StringComparison.Ordinal);
    }

    private static string OneDataCheck(string source, string rules) => $"""
        version: monitoring/v1
        dataChecks:
          - name: probe
            source: {source}
            rules: {rules}
        """;

    private static MonitoringSpec LoadValid(string yaml)
    {
        var result = SpecLoader.Load(yaml, SpecFormat.Yaml, Environment);
        Assert.True(result.IsValid, string.Join(System.Environment.NewLine, result.Errors));
        return result.Spec!;
    }

    /// <summary><paramref name="yaml"/> with <paramref name="find"/> (which must occur exactly once) replaced.</summary>
    private static string Mutate(string yaml, string find, string replace)
    {
        var first = yaml.IndexOf(find, StringComparison.Ordinal);
        Assert.True(first >= 0, $"The spec does not contain '{find}'.");
        Assert.True(yaml.IndexOf(find, first + 1, StringComparison.Ordinal) < 0, $"The spec contains '{find}' more than once.");
        return string.Concat(yaml.AsSpan(0, first), replace, yaml.AsSpan(first + find.Length));
    }
}
