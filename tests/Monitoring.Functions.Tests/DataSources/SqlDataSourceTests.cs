using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Monitoring.Core.Checks;
using Monitoring.Core.DataChecks;
using Monitoring.Core.Secrets;
using Monitoring.Core.Spec;
using Monitoring.Functions.DataSources;
using Monitoring.Functions.Tests.Support;
using Xunit;

namespace Monitoring.Functions.Tests.DataSources;

/// <summary>The sql data source against a real PostgreSQL server (and SQL Server's connection failure on a closed port).</summary>
[Collection(PostgresServer.Collection)]
public sealed class SqlDataSourceTests(PostgresServer postgres)
{
    private const string ConnectionVariable = "PG_CONNECTION";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    // Connecting or failing takes a moment past the deadline (the driver notices, the task unwinds); more would be a bug.
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(1.5);

    private readonly DictionaryEnvironment environment = new();
    private readonly SecretRedactor redactor = new();
    private readonly DateTimeOffset now = new(DateTime.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public void Fixture_StartsWithinAFewSeconds()
    {
        Assert.True(postgres.IsRunning);
        Assert.InRange(postgres.StartupTime, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(30));
        TestContext.Current.SendDiagnosticMessage($"PostgreSQL started in {postgres.StartupTime.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task StaleTable_TriggersAFreshnessViolation()
    {
        var table = await CreateEventsTableAsync((now.AddHours(-2), "a"), (now.AddHours(-3), "b"));
        var check = Check(Source($"SELECT max(updated_at) AS last_updated FROM {table}"), new DataRulesSpec(
            Freshness: new FreshnessRuleSpec(MaxAge: TimeSpan.FromHours(1), WarnAfter: null, Deadline: null, Severity: null),
            Volume: null, Anomaly: null, Schema: null, Pipeline: null));

        // The source itself: the newest row is two hours old.
        var raw = await ReadAsync(check.Source, new DataReadRequest(now, Timeout, LastUpdated: true, [], Schema: false, RunsSince: null));
        Assert.Equal(now.AddHours(-2), raw.LastUpdated);

        // The verdict: older than maxAge is a freshness failure, behind a healthy connection.
        var request = DataCheckPlan.For(check, now);
        var observation = await ReadAsync(check.Source, request);
        var evaluation = DataCheckEvaluator.Evaluate(check, request, observation, default, TimeSpan.FromMilliseconds(20));
        Assert.Equal(DataRuleKinds.Connection, evaluation.Results[0].Kind);
        Assert.Equal(CheckOutcome.Healthy, evaluation.Results[0].Outcome);
        var freshness = Assert.IsType<DataRuleResult>(evaluation.Find(DataRuleKinds.Freshness));
        Assert.Equal(CheckOutcome.Failed, freshness.Outcome);
        Assert.Equal(now.AddHours(-2), freshness.LastUpdated);
        Assert.Equal(120, freshness.AgeMinutes!.Value, precision: 0);
    }

    [Fact]
    public async Task LastUpdated_IsAskedForTheLastDay_WhenNoRangeIsAsked()
    {
        var table = await CreateEventsTableAsync((now.AddHours(-2), "recent"), (now.AddHours(-30), "old"), (now.AddHours(1), "future"));
        var source = Source($"""SELECT max(updated_at) AS "LastUpdated" FROM {table} WHERE updated_at >= @from AND updated_at < @to""");

        var observation = await ReadAsync(source, new DataReadRequest(now, Timeout, LastUpdated: true, [], Schema: false, RunsSince: null));

        // @from = now − 1 day and @to = now: the future row is past @to; "LastUpdated" matches last_updated.
        Assert.Equal(now.AddHours(-2), observation.LastUpdated);
        Assert.Empty(observation.Volumes);
        Assert.True(observation.Schema.IsDefault);
        Assert.Empty(observation.Runs);

        await postgres.ExecuteAsync($"DELETE FROM {table} WHERE payload <> 'old'");
        var onlyOld = await ReadAsync(source, new DataReadRequest(now, Timeout, LastUpdated: true, [], Schema: false, RunsSince: null));
        Assert.Null(onlyOld.LastUpdated);
    }

    [Fact]
    public async Task Volume_CountsRowsAndBytesInEachRange()
    {
        var table = await CreateEventsTableAsync(
            (now.AddMinutes(-10), "aa"), (now.AddMinutes(-20), "bbb"), (now.AddMinutes(-70), "cccc"), (now.AddMinutes(-130), "d"), (now.AddHours(-25), "eeeee"));
        var source = Source($"""
            SELECT count(*) AS "RowCount", sum(octet_length(payload)) AS bytes, max(updated_at) AS last_updated
            FROM {table} WHERE updated_at >= @from AND updated_at < @to
            """);
        DataRange[] ranges =
        [
            new(now.AddHours(-1), now),
            new(now.AddHours(-2), now.AddHours(-1)),
            new(now.AddHours(-3), now.AddHours(-2)),
            new(now.AddHours(-5), now.AddHours(-4)),
        ];

        var observation = await ReadAsync(source, new DataReadRequest(now, Timeout, LastUpdated: true, [.. ranges], Schema: false, RunsSince: null));

        Assert.Equal([new DataVolume(2, 5), new DataVolume(1, 4), new DataVolume(1, 1), new DataVolume(0, null)], observation.Volumes);
        Assert.Equal(now.AddMinutes(-10), observation.LastUpdated);
    }

    [Fact]
    public async Task TooFewRows_TriggersAVolumeViolation()
    {
        var table = await CreateEventsTableAsync((now.AddMinutes(-10), "a"), (now.AddMinutes(-40), "b"), (now.AddHours(-3), "c"));
        var check = Check(Source($"SELECT count(*) AS row_count FROM {table} WHERE updated_at >= @from AND updated_at < @to"), new DataRulesSpec(
            Freshness: null,
            Volume: new VolumeRuleSpec(Window: TimeSpan.FromHours(1), Min: 5, Max: null, MinBytes: null, Severity: null),
            Anomaly: null, Schema: null, Pipeline: null));

        var raw = await ReadAsync(check.Source, new DataReadRequest(now, Timeout, LastUpdated: false, [new DataRange(now.AddHours(-1), now)], Schema: false, RunsSince: null));
        Assert.Equal([new DataVolume(2, null)], raw.Volumes);

        var request = DataCheckPlan.For(check, now);
        var observation = await ReadAsync(check.Source, request);
        var evaluation = DataCheckEvaluator.Evaluate(check, request, observation, default, TimeSpan.FromMilliseconds(20));
        Assert.Equal(CheckOutcome.Healthy, evaluation.Find(DataRuleKinds.Connection)!.Outcome);
        var volume = Assert.IsType<DataRuleResult>(evaluation.Find(DataRuleKinds.Volume));
        Assert.Equal(CheckOutcome.Failed, volume.Outcome);
        Assert.Equal(2, volume.RowCount);
    }

    [Fact]
    public async Task Schema_IsReadFromTheSchemaQuery_TypesLowerCased()
    {
        var table = PostgresServer.UniqueName("orders");
        await postgres.ExecuteAsync($"CREATE TABLE {table} (id bigint, updated_at timestamptz, payload text, amount numeric(10,2))");
        var source = Source(query: null, schemaQuery: $"""
            SELECT column_name AS "ColumnName", upper(data_type) AS data_type
            FROM information_schema.columns WHERE table_name = '{table}' ORDER BY ordinal_position
            """);

        var observation = await ReadAsync(source, new DataReadRequest(now, Timeout, LastUpdated: false, [], Schema: true, RunsSince: null));

        Assert.Equal(
            [new SchemaColumn("id", "bigint"), new SchemaColumn("updated_at", "timestamp with time zone"), new SchemaColumn("payload", "text"), new SchemaColumn("amount", "numeric")],
            observation.Schema);
    }

    [Fact]
    public async Task DroppedColumn_TriggersSchemaDrift()
    {
        var table = PostgresServer.UniqueName("orders");
        await postgres.ExecuteAsync($"CREATE TABLE {table} (id bigint, legacy_code text, payload text); ALTER TABLE {table} DROP COLUMN legacy_code");
        var check = Check(Source(query: null, schemaQuery: $"SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '{table}' ORDER BY ordinal_position"), new DataRulesSpec(
            Freshness: null, Volume: null, Anomaly: null, Schema: new SchemaRuleSpec(IgnoreAdded: false, Severity: null), Pipeline: null));
        ImmutableArray<SchemaColumn> baseline = [new("id", "bigint"), new("legacy_code", "text"), new("payload", "text")];

        var raw = await ReadAsync(check.Source, new DataReadRequest(now, Timeout, LastUpdated: false, [], Schema: true, RunsSince: null));
        Assert.Equal([new SchemaColumn("id", "bigint"), new SchemaColumn("payload", "text")], raw.Schema);

        var request = DataCheckPlan.For(check, now);
        var observation = await ReadAsync(check.Source, request);
        var evaluation = DataCheckEvaluator.Evaluate(check, request, observation, baseline, TimeSpan.FromMilliseconds(20));
        Assert.Equal(CheckOutcome.Healthy, evaluation.Find(DataRuleKinds.Connection)!.Outcome);
        Assert.Equal(CheckOutcome.Failed, evaluation.Find(DataRuleKinds.Schema)!.Outcome);
        Assert.Equal(raw.Schema, evaluation.ObservedSchema);
    }

    [Fact]
    public async Task Runs_AreReadSinceTheInstant_StatusesNormalised()
    {
        var table = PostgresServer.UniqueName("runs");
        await postgres.ExecuteAsync($"""
            CREATE TABLE {table} (pipeline_name text, run_id int, status text, start timestamptz, "end" timestamptz, error text);
            INSERT INTO {table} VALUES
              ('load', 1, 'Succeeded', {Sql(now.AddHours(-3))}, {Sql(now.AddHours(-2.5))}, NULL),
              ('load', 2, 'FAILED', {Sql(now.AddHours(-1))}, {Sql(now.AddMinutes(-50))}, 'step copy timed out'),
              ('load', 3, 'InProgress', {Sql(now.AddMinutes(-10))}, NULL, NULL),
              ('export', 4, 'canceled', {Sql(now.AddMinutes(-30))}, {Sql(now.AddMinutes(-29))}, NULL),
              ('export', 5, 'Skipped', {Sql(now.AddMinutes(-20))}, {Sql(now.AddMinutes(-19))}, NULL),
              ('export', 6, 'queued', {Sql(now.AddMinutes(-1))}, NULL, NULL),
              ('load', 0, 'success', {Sql(now.AddDays(-2))}, {Sql(now.AddDays(-2).AddMinutes(5))}, NULL);
            """);
        var source = Source(query: null, runsQuery: $"""SELECT pipeline_name, run_id, status, start, "end", error FROM {table} WHERE start >= @from ORDER BY start""");

        var observation = await ReadAsync(source, new DataReadRequest(now, Timeout, LastUpdated: false, [], Schema: false, RunsSince: now.AddDays(-1)));

        Assert.Equal(
            [
                new PipelineRun("load", "1", PipelineRunStatus.Succeeded, "Succeeded", now.AddHours(-3), now.AddHours(-2.5)),
                new PipelineRun("load", "2", PipelineRunStatus.Failed, "FAILED", now.AddHours(-1), now.AddMinutes(-50), "step copy timed out"),
                new PipelineRun("export", "4", PipelineRunStatus.Cancelled, "canceled", now.AddMinutes(-30), now.AddMinutes(-29)),
                new PipelineRun("export", "5", PipelineRunStatus.Failed, "Skipped", now.AddMinutes(-20), now.AddMinutes(-19)),
                new PipelineRun("load", "3", PipelineRunStatus.Running, "InProgress", now.AddMinutes(-10), null),
                new PipelineRun("export", "6", PipelineRunStatus.Running, "queued", now.AddMinutes(-1), null),
            ],
            observation.Runs);
    }

    [Fact]
    public async Task BadCredentials_GiveAClearAuthenticationError()
    {
        var wrong = "wrong-" + Guid.NewGuid().ToString("N");
        environment[ConnectionVariable] = postgres.ConnectionString(password: wrong);

        var error = await ReadFailsAsync(Source("SELECT now() AS last_updated"), Timeout);

        Assert.Equal(DataSourceErrorKind.Authentication, error.Kind);
        Assert.Contains("password authentication failed", error.Message, StringComparison.Ordinal);
        Assert.Contains(PostgresServer.User, error.Message, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{postgres.Port}", error.Message, StringComparison.Ordinal);
        AssertNoSecrets(error, wrong, postgres.Password);
    }

    [Fact]
    public async Task StoppedServer_GivesAConnectionHealthFailureWithinTheTimeout()
    {
        await using var server = await PostgresServer.StartNewAsync();
        environment[ConnectionVariable] = server.ConnectionString();
        var timeout = TimeSpan.FromSeconds(3);
        var check = Check(Source("SELECT now() AS last_updated"), new DataRulesSpec(
            Freshness: new FreshnessRuleSpec(TimeSpan.FromHours(1), null, null, null), Volume: null, Anomaly: null, Schema: null, Pipeline: null), timeout);
        var request = new DataReadRequest(now, timeout, LastUpdated: true, [], Schema: false, RunsSince: null);
        Assert.NotNull((await ReadAsync(check.Source, request)).LastUpdated);

        await server.StopAsync();
        var stopwatch = Stopwatch.StartNew();
        var error = await ReadFailsAsync(check.Source, timeout);
        var elapsed = stopwatch.Elapsed;

        Assert.Equal(DataSourceErrorKind.Connection, error.Kind);
        Assert.Contains("connection refused", error.Message, StringComparison.Ordinal);
        Assert.InRange(elapsed, TimeSpan.Zero, timeout + Slack);
        AssertNoSecrets(error, server.Password);

        var verdict = DataCheckEvaluator.SourceFailed(check, now, error, elapsed);
        var connection = Assert.Single(verdict.Results);
        Assert.Equal(DataRuleKinds.Connection, connection.Kind);
        Assert.Equal(CheckOutcome.Failed, connection.Outcome);
    }

    [Fact]
    public async Task StoppedServer_FailsWithConnection_AndReadsAgainOnceRestarted()
    {
        await using var server = await PostgresServer.StartNewAsync();
        environment[ConnectionVariable] = server.ConnectionString();
        var timeout = TimeSpan.FromSeconds(2);
        var source = Source("SELECT @now AS last_updated");
        await server.StopAsync();

        var stopwatch = Stopwatch.StartNew();
        var error = await ReadFailsAsync(source, timeout);

        Assert.Equal(DataSourceErrorKind.Connection, error.Kind);
        Assert.Equal($"could not connect to PostgreSQL 127.0.0.1:{server.Port}/{PostgresServer.Database}: connection refused", error.Message);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, timeout + Slack);

        await server.StartAsync();
        var observation = await ReadAsync(source, new DataReadRequest(now, timeout, LastUpdated: true, [], Schema: false, RunsSince: null));
        Assert.Equal(now, observation.LastUpdated);
    }

    [Fact]
    public async Task MissingDatabase_IsNotFound()
    {
        environment[ConnectionVariable] = postgres.ConnectionString(database: "no_such_db");

        var error = await ReadFailsAsync(Source("SELECT now() AS last_updated"), Timeout);

        Assert.Equal(DataSourceErrorKind.NotFound, error.Kind);
        Assert.Contains("database \"no_such_db\" does not exist", error.Message, StringComparison.Ordinal);
        AssertNoSecrets(error, postgres.Password);
    }

    [Fact]
    public async Task MissingTable_IsNotFound()
    {
        var error = await ReadFailsAsync(Source("SELECT max(updated_at) AS last_updated FROM no_such_table"), Timeout);

        Assert.Equal(DataSourceErrorKind.NotFound, error.Kind);
        Assert.Contains("relation \"no_such_table\" does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidQuery_IsAQueryError()
    {
        var error = await ReadFailsAsync(Source("SELEC now() AS last_updated"), Timeout);

        Assert.Equal(DataSourceErrorKind.Query, error.Kind);
        Assert.Contains("syntax error", error.Message, StringComparison.Ordinal);
        Assert.Contains("42601", error.Message, StringComparison.Ordinal);
        AssertNoSecrets(error, postgres.Password);
    }

    [Fact]
    public async Task SlowQuery_TimesOutWithinTheTimeout()
    {
        var timeout = TimeSpan.FromSeconds(1);
        var stopwatch = Stopwatch.StartNew();

        var error = await ReadFailsAsync(Source("SELECT now() AS last_updated FROM pg_sleep(10)"), timeout);

        Assert.Equal(DataSourceErrorKind.Timeout, error.Kind);
        Assert.Contains("within 1s", error.Message, StringComparison.Ordinal);
        Assert.InRange(stopwatch.Elapsed, timeout, timeout + Slack);
        AssertNoSecrets(error, postgres.Password);
    }

    [Fact]
    public async Task WrongValueType_IsAResponseError()
    {
        var error = await ReadFailsAsync(Source("SELECT 'yesterday'::text AS last_updated"), Timeout);

        Assert.Equal(DataSourceErrorKind.Response, error.Kind);
        Assert.Equal("column 'last_updated' holds a String, not a timestamp", error.Message);
    }

    [Fact]
    public async Task MissingColumn_IsAResponseError()
    {
        var error = await ReadFailsAsync(
            Source("SELECT now() AS last_updated"),
            Timeout,
            new DataReadRequest(now, Timeout, LastUpdated: false, [new DataRange(now.AddHours(-1), now)], Schema: false, RunsSince: null));

        Assert.Equal(DataSourceErrorKind.Response, error.Kind);
        Assert.Equal("the query answered no 'row_count' column", error.Message);
    }

    [Fact]
    public async Task ConnectionString_IsRenderedAtReadTime()
    {
        var source = Source("SELECT @now AS last_updated");
        environment[ConnectionVariable] = null;

        var missing = await ReadFailsAsync(source, Timeout);
        Assert.Equal(DataSourceErrorKind.Connection, missing.Kind);
        Assert.Equal($"the connection string could not be rendered: Environment variable '{ConnectionVariable}' is not set.", missing.Message);

        environment[ConnectionVariable] = postgres.ConnectionString();
        var observation = await ReadAsync(source, new DataReadRequest(now, Timeout, LastUpdated: true, [], Schema: false, RunsSince: null));
        Assert.Equal(now, observation.LastUpdated);

        // The value read is now a known secret: anything that quotes it is redacted.
        Assert.Equal("x *** y", redactor.Redact($"x {postgres.Password} y"));
    }

    [Fact]
    public async Task SqlServer_OnAClosedPort_GivesAConnectionErrorWithinTheTimeout()
    {
        var port = LoopbackServer.ClosedPortUrl().Port;
        var password = "Sql-" + Guid.NewGuid().ToString("N");
        environment["MSSQL_CONNECTION"] = string.Create(CultureInfo.InvariantCulture, $"Server=tcp:127.0.0.1,{port};Database=sales;User ID=monitor;Password={password};Encrypt=false");
        var source = new SqlSourceSpec(SqlProvider.SqlServer, Template.Parse("${env:MSSQL_CONNECTION}"), "SELECT SYSUTCDATETIME() AS last_updated", null, null);
        var timeout = TimeSpan.FromSeconds(3);
        var stopwatch = Stopwatch.StartNew();

        var error = await ReadFailsAsync(source, timeout);

        Assert.Equal(DataSourceErrorKind.Connection, error.Kind);
        Assert.StartsWith($"could not connect to SQL Server tcp:127.0.0.1,{port}/sales", error.Message, StringComparison.Ordinal);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, timeout + Slack);
        AssertNoSecrets(error, password);
    }

    [Fact]
    public async Task InvalidConnectionString_SaysSoWithoutQuotingIt()
    {
        var secret = "s3cret-" + Guid.NewGuid().ToString("N");
        environment[ConnectionVariable] = $"Host=127.0.0.1;Pasword={secret}";

        var error = await ReadFailsAsync(Source("SELECT now() AS last_updated"), Timeout);

        Assert.Equal(DataSourceErrorKind.Connection, error.Kind);
        Assert.Equal("the PostgreSQL connection string is not valid", error.Message);
        AssertNoSecrets(error, secret);
    }

    [Theory]
    [InlineData("Succeeded", PipelineRunStatus.Succeeded)]
    [InlineData("success", PipelineRunStatus.Succeeded)]
    [InlineData("Failed", PipelineRunStatus.Failed)]
    [InlineData("ERROR", PipelineRunStatus.Failed)]
    [InlineData("Cancelled", PipelineRunStatus.Cancelled)]
    [InlineData("canceled", PipelineRunStatus.Cancelled)]
    [InlineData("Queued", PipelineRunStatus.Running)]
    [InlineData("running", PipelineRunStatus.Running)]
    [InlineData("In Progress", PipelineRunStatus.Running)]
    [InlineData("in_progress", PipelineRunStatus.Running)]
    [InlineData("TimedOut", PipelineRunStatus.Failed)]
    public void NormaliseStatus_MapsTheUsualSpellings(string status, PipelineRunStatus expected) =>
        Assert.Equal(expected, SqlDataSource.NormaliseStatus(status));

    private SqlSourceSpec Source(string? query, string? schemaQuery = null, string? runsQuery = null)
    {
        environment[ConnectionVariable] ??= postgres.ConnectionString();
        return new SqlSourceSpec(SqlProvider.Postgres, Template.Parse($"${{env:{ConnectionVariable}}}"), query, schemaQuery, runsQuery);
    }

    private static DataCheckSpec Check(DataSourceSpec source, DataRulesSpec rules, TimeSpan? timeout = null) => new(
        Name: "orders-data",
        Service: null,
        Description: null,
        Enabled: true,
        Interval: TimeSpan.FromMinutes(5),
        Timeout: timeout ?? Timeout,
        Dataset: "orders",
        Zone: TimeZoneInfo.Utc,
        Labels: ImmutableDictionary<string, string>.Empty,
        Source: source,
        Rules: rules);

    private Task<DataObservation> ReadAsync(DataSourceSpec source, DataReadRequest request) =>
        new SqlDataSource(environment, redactor).ReadAsync(source, request, Cancellation);

    private async Task<DataSourceException> ReadFailsAsync(DataSourceSpec source, TimeSpan timeout, DataReadRequest? request = null) =>
        await Assert.ThrowsAsync<DataSourceException>(() => ReadAsync(source, request ?? new DataReadRequest(now, timeout, LastUpdated: true, [], Schema: false, RunsSince: null)));

    private async Task<string> CreateEventsTableAsync(params (DateTimeOffset UpdatedAt, string Payload)[] rows)
    {
        var table = PostgresServer.UniqueName("events");
        var values = string.Join(", ", rows.Select(r => $"({Sql(r.UpdatedAt)}, '{r.Payload}')"));
        await postgres.ExecuteAsync($"CREATE TABLE {table} (id serial, updated_at timestamptz NOT NULL, payload text NOT NULL); INSERT INTO {table} (updated_at, payload) VALUES {values}");
        return table;
    }

    private static string Sql(DateTimeOffset instant) =>
        "'" + instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + "+00'";

    private static void AssertNoSecrets(DataSourceException error, params string[] secrets)
    {
        foreach (var secret in secrets)
        {
            for (Exception? current = error; current is not null; current = current.InnerException)
            {
                Assert.DoesNotContain(secret, current.Message, StringComparison.Ordinal);
            }

            Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
        }
    }
}
