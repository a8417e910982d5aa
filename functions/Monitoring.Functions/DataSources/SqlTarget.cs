using System.Data.Common;
using System.Globalization;
using Microsoft.Data.SqlClient;
using Monitoring.Core.DataChecks;
using Monitoring.Core.Secrets;
using Monitoring.Core.Spec;
using Npgsql;

namespace Monitoring.Functions.DataSources;

/// <summary>
/// One read's connection: the provider's factory, the rendered connection string with the read's timeouts applied
/// (the command timeout is the read's timeout rounded up to seconds; the connect timeout one second less, at least one)
/// and pooling off, and how to name the server in messages (never the connection string itself).
/// </summary>
/// <param name="Provider">The engine.</param>
/// <param name="Factory">Creates its connections.</param>
/// <param name="ConnectionString">The rendered connection string, timeouts applied (a secret: never shown).</param>
/// <param name="Endpoint">The engine, server and database, for messages.</param>
/// <param name="User">The login name, for authentication messages (user names are not secrets).</param>
/// <param name="CommandTimeoutSeconds">The command timeout, the read's timeout rounded up.</param>
internal sealed record SqlTarget(SqlProvider Provider, DbProviderFactory Factory, string ConnectionString, string Endpoint, string? User, int CommandTimeoutSeconds)
{
    // Npgsql accepts connect timeouts up to 1024 s; a data check's timeout is far below that.
    private const int MaxTimeoutSeconds = 1024;

    /// <summary>
    /// Parses <paramref name="rendered"/> for <paramref name="spec"/>'s provider, registers its password with
    /// <paramref name="redactor"/>, and bounds connecting and each command by <paramref name="timeout"/>.
    /// </summary>
    /// <exception cref="DataSourceException">The connection string does not parse (the message quotes none of it).</exception>
    public static SqlTarget Prepare(SqlSourceSpec spec, string rendered, TimeSpan timeout, SecretRedactor redactor)
    {
        if (!Enum.IsDefined(spec.Provider))
        {
            throw new ArgumentOutOfRangeException(nameof(spec), spec.Provider, "Unknown SQL provider.");
        }

        var seconds = (int)Math.Clamp(Math.Ceiling(timeout.TotalSeconds), 1, MaxTimeoutSeconds);

        // A second less for connecting, so the driver gives up (and says why: refused, unreachable) before the read's deadline.
        var connectSeconds = Math.Max(1, seconds - 1);
        try
        {
            return spec.Provider == SqlProvider.Postgres
                ? ForPostgres(rendered, connectSeconds, seconds, redactor)
                : ForSqlServer(rendered, connectSeconds, seconds, redactor);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            // The parser's messages can quote the offending value, which may be the password: say only that it failed.
            throw new DataSourceException(DataSourceErrorKind.Connection, $"the {Name(spec.Provider)} connection string is not valid");
        }
    }

    /// <summary>The engine's name for messages.</summary>
    public static string Name(SqlProvider provider) => provider == SqlProvider.Postgres ? "PostgreSQL" : "SQL Server";

    private static SqlTarget ForPostgres(string rendered, int connectSeconds, int seconds, SecretRedactor redactor)
    {
        var builder = new NpgsqlConnectionStringBuilder(rendered);
        redactor.Register(builder.Password);
        builder.Timeout = connectSeconds;
        builder.CommandTimeout = seconds;
        builder.Pooling = false;

        // On a deadline Npgsql sends the server a cancel request; waiting for its answer would outlast the timeout.
        builder.CancellationTimeout = -1;
        var endpoint = string.Create(CultureInfo.InvariantCulture, $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}");
        return new SqlTarget(SqlProvider.Postgres, NpgsqlFactory.Instance, builder.ConnectionString, endpoint, builder.Username, seconds);
    }

    private static SqlTarget ForSqlServer(string rendered, int connectSeconds, int seconds, SecretRedactor redactor)
    {
        var builder = new SqlConnectionStringBuilder(rendered);
        redactor.Register(builder.Password);
        builder.ConnectTimeout = connectSeconds;
        builder.CommandTimeout = seconds;
        builder.Pooling = false;

        // Retrying a broken connection is the next read's job; a retry here would outlast the timeout.
        builder.ConnectRetryCount = 0;
        var database = string.IsNullOrEmpty(builder.InitialCatalog) ? "(default database)" : builder.InitialCatalog;
        var endpoint = $"SQL Server {builder.DataSource}/{database}";
        return new SqlTarget(SqlProvider.SqlServer, SqlClientFactory.Instance, builder.ConnectionString, endpoint, string.IsNullOrEmpty(builder.UserID) ? null : builder.UserID, seconds);
    }
}
