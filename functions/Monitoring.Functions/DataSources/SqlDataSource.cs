using System.Collections.Immutable;
using System.Data.Common;
using System.Text.RegularExpressions;
using Monitoring.Core.DataChecks;
using Monitoring.Core.Ports;
using Monitoring.Core.Secrets;
using Monitoring.Core.Spec;

namespace Monitoring.Functions.DataSources;

/// <summary>
/// The <c>sql</c> data source: PostgreSQL through Npgsql, SQL Server and Azure SQL through Microsoft.Data.SqlClient,
/// both behind the ADO.NET abstractions. Each read opens one connection (pooling off, so connecting is measured every
/// time), bounded by the request's timeout: as the connect timeout (a second less, so the driver says why it could not
/// connect before the deadline), as the command timeout, and as a cancellation deadline. Not connecting in time is a
/// <see cref="DataSourceErrorKind.Connection"/> failure; a query that outlasts it is a <see cref="DataSourceErrorKind.Timeout"/>.
/// </summary>
/// <remarks>
/// <para>
/// The connection string template is rendered at read time, never earlier, and its password is registered with the
/// redactor. <see cref="SqlSourceSpec.Query"/> runs once per requested range with <c>@from</c>, <c>@to</c> and
/// <c>@now</c> (each bound only when the query text names it), and its first row gives <c>last_updated</c>,
/// <c>row_count</c> and <c>bytes</c> (names matched ignoring case and underscores). When ranges are asked, the
/// last-updated time is the newest across their reads, so a query that filters <c>last_updated</c> by the range
/// only sees updates inside the ranges; when only the last-updated time is asked, the query runs once for the last
/// day (<c>@from</c> = now − 1 day, <c>@to</c> = now). A query that answers no row means no data: no last-updated
/// time and no rows. Timestamps without a zone (<c>timestamp</c>, <c>datetime2</c>) are taken as UTC.
/// </para>
/// <para>
/// Failures become <see cref="DataSourceException"/>s whose messages name the server, database and user but never the
/// connection string or the password.
/// </para>
/// </remarks>
public sealed partial class SqlDataSource : IDataSource
{
    /// <summary>The window the query is asked about when only the last-updated time is needed.</summary>
    public static readonly TimeSpan LastUpdatedWindow = TimeSpan.FromDays(1);

    private readonly IEnvironmentVariables environment;
    private readonly SecretRedactor redactor;

    /// <summary>A source that reads <c>${env:NAME}</c> references from <paramref name="environment"/> and registers them with <paramref name="redactor"/>.</summary>
    public SqlDataSource(IEnvironmentVariables environment, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(redactor);
        this.environment = environment;
        this.redactor = redactor;
    }

    /// <inheritdoc/>
    public string Kind => "sql";

    /// <inheritdoc/>
    public async Task<DataObservation> ReadAsync(DataSourceSpec source, DataReadRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(request);
        if (source is not SqlSourceSpec sql)
        {
            throw new ArgumentException($"A {source.Kind} source cannot be read by the sql data source.", nameof(source));
        }

        var target = SqlTarget.Prepare(sql, Render(sql), request.Timeout, redactor);
        using var deadline = new CancellationTokenSource(request.Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var connected = false;
        try
        {
            await using var connection = target.Factory.CreateConnection()
                ?? throw new InvalidOperationException("The provider created no connection.");
            connection.ConnectionString = target.ConnectionString;
            await OpenAsync(connection, linked.Token).ConfigureAwait(false);
            connected = true;
            return await ReadAsync(connection, sql, request, target.CommandTimeoutSeconds, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (DataSourceException)
        {
            throw;
        }
        catch (Exception ex) when (deadline.IsCancellationRequested)
        {
            // Not reaching the server in time is a connection failure; a query that outlasts the deadline is a timeout.
            throw connected
                ? Fail(DataSourceErrorKind.Timeout, $"{target.Endpoint} gave no answer within {Core.Spec.Durations.Format(request.Timeout)}", ex)
                : Fail(DataSourceErrorKind.Connection, $"could not connect to {target.Endpoint} within {Core.Spec.Durations.Format(request.Timeout)}", ex);
        }
        catch (Exception ex) when (SqlErrorClassifier.Classify(ex, target, connected) is { } error)
        {
            throw Fail(error.Kind, error.Message, ex);
        }
    }

    /// <summary>A pipeline run's status as the <c>status</c> column writes it, normalised; anything unknown is a failure.</summary>
    public static PipelineRunStatus NormaliseStatus(string status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var letters = new string([.. status.Where(char.IsAsciiLetter).Select(char.ToLowerInvariant)]);
        return letters switch
        {
            "succeeded" or "success" => PipelineRunStatus.Succeeded,
            "failed" or "error" => PipelineRunStatus.Failed,
            "cancelled" or "canceled" => PipelineRunStatus.Cancelled,
            "queued" or "running" or "inprogress" => PipelineRunStatus.Running,
            _ => PipelineRunStatus.Failed,
        };
    }

    /// <summary>
    /// Opens <paramref name="connection"/>, returning at the deadline even when the driver does not honour the token
    /// while connecting; an open abandoned that way fails later, unobserved, when the connection is disposed.
    /// </summary>
    private static async Task OpenAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var open = connection.OpenAsync(cancellationToken);
        try
        {
            await open.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!open.IsCompleted)
        {
            _ = open.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw;
        }
    }

    private string Render(SqlSourceSpec sql)
    {
        try
        {
            return sql.ConnectionString.Render(new TemplateScope(ImmutableDictionary<string, string>.Empty, environment, redactor));
        }
        catch (TemplateRenderException ex)
        {
            throw Fail(DataSourceErrorKind.Connection, $"the connection string could not be rendered: {ex.Message}", null);
        }
    }

    private async Task<DataObservation> ReadAsync(DbConnection connection, SqlSourceSpec sql, DataReadRequest request, int commandTimeout, CancellationToken cancellationToken)
    {
        var now = request.Now.ToUniversalTime();
        DateTimeOffset? lastUpdated = null;
        var volumes = ImmutableArray.CreateBuilder<DataVolume>(request.Ranges.Length);
        if (request.LastUpdated || !request.Ranges.IsDefaultOrEmpty)
        {
            var query = Require(sql.Query, "query", request.LastUpdated ? "the last-updated time" : "row counts");
            var ranges = request.Ranges.IsDefaultOrEmpty ? [new DataRange(now - LastUpdatedWindow, now)] : request.Ranges;
            foreach (var range in ranges)
            {
                var row = await ReadFirstRowAsync(connection, query, range, now, commandTimeout, cancellationToken).ConfigureAwait(false);
                if (request.LastUpdated)
                {
                    var updated = row is null ? null : SqlValues.Timestamp(Column(row, "last_updated", "query"), "last_updated");
                    lastUpdated = Newest(lastUpdated, updated);
                }

                if (!request.Ranges.IsDefaultOrEmpty)
                {
                    var rows = row is null ? 0 : SqlValues.Count(Column(row, "row_count", "query"), "row_count") ?? 0;
                    var bytes = row is not null && row.TryGetValue(Key("bytes"), out var value) ? SqlValues.Count(value, "bytes") : null;
                    volumes.Add(new DataVolume(rows, bytes));
                }
            }
        }

        var schema = default(ImmutableArray<SchemaColumn>);
        if (request.Schema)
        {
            var query = Require(sql.SchemaQuery, "schemaQuery", "the schema");
            var rows = await ReadRowsAsync(connection, query, new DataRange(now - LastUpdatedWindow, now), now, commandTimeout, cancellationToken).ConfigureAwait(false);
            schema = [.. rows.Select(row => new SchemaColumn(
                SqlValues.Text(Column(row, "column_name", "schema query"), "column_name"),
                SqlValues.Text(Column(row, "data_type", "schema query"), "data_type").ToLowerInvariant()))];
        }

        var runs = ImmutableArray<PipelineRun>.Empty;
        if (request.RunsSince is { } since)
        {
            var query = Require(sql.RunsQuery, "runsQuery", "pipeline runs");
            var rows = await ReadRowsAsync(connection, query, new DataRange(since.ToUniversalTime(), now), now, commandTimeout, cancellationToken).ConfigureAwait(false);
            runs = [.. rows.Select(ToRun)];
        }

        return new DataObservation(lastUpdated, volumes.ToImmutable(), schema, runs);
    }

    private PipelineRun ToRun(IReadOnlyDictionary<string, object?> row)
    {
        var status = SqlValues.Text(Column(row, "status", "runs query"), "status");
        var error = row.TryGetValue(Key("error"), out var value) && value is not null ? SqlValues.Text(value, "error") : null;
        return new PipelineRun(
            SqlValues.Text(Column(row, "pipeline_name", "runs query"), "pipeline_name"),
            SqlValues.Text(Column(row, "run_id", "runs query"), "run_id"),
            NormaliseStatus(status),
            status,
            SqlValues.Timestamp(Column(row, "start", "runs query"), "start"),
            row.TryGetValue(Key("end"), out var end) ? SqlValues.Timestamp(end, "end") : null,
            redactor.Redact(error));
    }

    private static async Task<IReadOnlyDictionary<string, object?>?> ReadFirstRowAsync(DbConnection connection, string query, DataRange range, DateTimeOffset now, int commandTimeout, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(connection, query, range, now, commandTimeout);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? CurrentRow(reader) : null;
    }

    private static async Task<List<IReadOnlyDictionary<string, object?>>> ReadRowsAsync(DbConnection connection, string query, DataRange range, DateTimeOffset now, int commandTimeout, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(connection, query, range, now, commandTimeout);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(CurrentRow(reader));
        }

        return rows;
    }

    /// <summary>A command for <paramref name="query"/>, binding only the parameters it names, so neither driver sees one it does not expect.</summary>
    private static DbCommand CreateCommand(DbConnection connection, string query, DataRange range, DateTimeOffset now, int commandTimeout)
    {
        var command = connection.CreateCommand();
        command.CommandText = query;
        command.CommandTimeout = commandTimeout;
        var named = Parameters().Matches(query).Select(m => m.Groups["name"].Value.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, value) in new[] { ("from", range.From), ("to", range.To), ("now", now) })
        {
            if (named.Contains(name))
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@" + name;
                parameter.Value = value.ToUniversalTime();
                command.Parameters.Add(parameter);
            }
        }

        return command;
    }

    /// <summary>The row under <paramref name="reader"/>, keyed by column names lower-cased without underscores.</summary>
    private static Dictionary<string, object?> CurrentRow(DbDataReader reader)
    {
        var row = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            row.TryAdd(Key(reader.GetName(i)), reader.IsDBNull(i) ? null : reader.GetValue(i));
        }

        return row;
    }

    private static string Key(string column) => column.Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();

    private static object? Column(IReadOnlyDictionary<string, object?> row, string column, string query) =>
        row.TryGetValue(Key(column), out var value)
            ? value
            : throw new DataSourceException(DataSourceErrorKind.Response, $"the {query} answered no '{column}' column");

    private static string Require(string? query, string field, string what) =>
        !string.IsNullOrWhiteSpace(query)
            ? query
            : throw new DataSourceException(DataSourceErrorKind.Query, $"the source has no {field}, so it cannot answer {what}");

    private static DateTimeOffset? Newest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private DataSourceException Fail(DataSourceErrorKind kind, string message, Exception? inner) =>
        new(kind, redactor.Redact(message) ?? string.Empty, inner);

    [GeneratedRegex(@"(?<![@\w])@(?<name>from|to|now)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Parameters();
}
