using System.Globalization;
using System.Net.Sockets;
using Microsoft.Data.SqlClient;
using Monitoring.Core.DataChecks;
using Npgsql;

namespace Monitoring.Functions.DataSources;

/// <summary>
/// Turns what Npgsql and Microsoft.Data.SqlClient throw into a <see cref="DataSourceErrorKind"/> and a message naming
/// the server (never the connection string).
/// </summary>
internal static class SqlErrorClassifier
{
    // SQL Server's network and instance errors: timeouts and failures of the TCP, named-pipe and SSRP layers.
    private static readonly HashSet<int> SqlServerConnectionErrors = [-1, 2, 26, 35, 40, 53, 64, 121, 233, 1225, 10053, 10054, 10060, 10061, 11001];

    // SQL Server's "permission denied" family: the login works but lacks access.
    private static readonly HashSet<int> SqlServerPermissionErrors = [229, 230, 262, 297, 300, 916];

    /// <summary>
    /// The kind and message of <paramref name="error"/>, thrown while reading <paramref name="target"/>; null when it is
    /// not a driver or network failure. Before <paramref name="connected"/>, a timeout is a connection failure.
    /// </summary>
    public static (DataSourceErrorKind Kind, string Message)? Classify(Exception error, SqlTarget target, bool connected)
    {
        var classified = Classify(error, target);
        return classified is { Kind: DataSourceErrorKind.Timeout } && !connected
            ? (DataSourceErrorKind.Connection, $"could not connect to {target.Endpoint} within the connect timeout")
            : classified;
    }

    private static (DataSourceErrorKind Kind, string Message)? Classify(Exception error, SqlTarget target) => error switch
    {
        PostgresException postgres => Postgres(postgres, target),
        SqlException sql => SqlServer(sql, target),
        NpgsqlException npgsql => Network(npgsql, target),
        TimeoutException => (DataSourceErrorKind.Timeout, $"{target.Endpoint} gave no answer within the timeout"),
        SocketException or IOException => Network(error, target),
        InvalidCastException or OverflowException => (DataSourceErrorKind.Response, $"{target.Endpoint} answered a value the check cannot read: {error.Message}"),
        _ => null,
    };

    private static (DataSourceErrorKind, string) Postgres(PostgresException error, SqlTarget target)
    {
        var state = error.SqlState;
        var kind = state switch
        {
            "28P01" or "28000" or "42501" => DataSourceErrorKind.Authentication,
            "3D000" or "42P01" or "3F000" => DataSourceErrorKind.NotFound,
            "57014" => DataSourceErrorKind.Timeout,
            "53300" or "57P01" or "57P02" or "57P03" => DataSourceErrorKind.Connection,
            _ when state.StartsWith("08", StringComparison.Ordinal) => DataSourceErrorKind.Connection,
            _ => DataSourceErrorKind.Query,
        };
        var message = kind switch
        {
            DataSourceErrorKind.Authentication => $"{target.Endpoint} refused access: {error.MessageText}",
            DataSourceErrorKind.NotFound when state == "3D000" => $"{target.Endpoint}: {error.MessageText}",
            DataSourceErrorKind.Timeout => $"{target.Endpoint} cancelled the query: {error.MessageText}",
            DataSourceErrorKind.Connection => $"{target.Endpoint} dropped the connection: {error.MessageText}",
            _ => $"the query failed on {target.Endpoint}: {error.MessageText} (SQLSTATE {state})",
        };
        return (kind, message);
    }

    private static (DataSourceErrorKind, string) SqlServer(SqlException error, SqlTarget target)
    {
        var number = error.Number;
        var first = FirstLine(error.Message);
        if (number == 18456)
        {
            return (DataSourceErrorKind.Authentication, $"{target.Endpoint} refused the login: {first}");
        }

        if (SqlServerPermissionErrors.Contains(number))
        {
            return (DataSourceErrorKind.Authentication, $"{target.Endpoint} refused access: {first}");
        }

        if (number is 4060 or 208 or 911)
        {
            return (DataSourceErrorKind.NotFound, $"{target.Endpoint}: {first}");
        }

        if (number == -2)
        {
            return (DataSourceErrorKind.Timeout, $"{target.Endpoint} gave no answer within the timeout");
        }

        if (SqlServerConnectionErrors.Contains(number) || error.Class >= 20 || Find<SocketException>(error) is not null)
        {
            // The managed network layer often wraps a SocketException whose code says nothing ("Success").
            var reason = Find<SocketException>(error) is { SocketErrorCode: not (SocketError.Success or SocketError.SocketError) } socket
                ? Describe(socket)
                : string.Create(CultureInfo.InvariantCulture, $"the server was not found or not accessible (error {number})");
            return (DataSourceErrorKind.Connection, $"could not connect to {target.Endpoint}: {reason}");
        }

        return (DataSourceErrorKind.Query, string.Create(CultureInfo.InvariantCulture, $"the query failed on {target.Endpoint}: {first} (error {number})"));
    }

    private static (DataSourceErrorKind, string) Network(Exception error, SqlTarget target)
    {
        if (Find<TimeoutException>(error) is not null)
        {
            return (DataSourceErrorKind.Timeout, $"{target.Endpoint} gave no answer within the timeout");
        }

        if (Find<SocketException>(error) is { } socket)
        {
            return (DataSourceErrorKind.Connection, $"could not connect to {target.Endpoint}: {Describe(socket)}");
        }

        if (Find<IOException>(error) is not null)
        {
            return (DataSourceErrorKind.Connection, $"the connection to {target.Endpoint} broke");
        }

        // Npgsql's own checks before talking to the server, e.g. no password given when the server asks for one.
        if (error.Message.Contains("password", StringComparison.OrdinalIgnoreCase))
        {
            return (DataSourceErrorKind.Authentication, $"{target.Endpoint} could not log in as {target.User}: {error.Message}");
        }

        return (DataSourceErrorKind.Connection, $"could not reach {target.Endpoint}: {error.Message}");
    }

    private static string Describe(SocketException socket) => socket.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.ConnectionReset or SocketError.ConnectionAborted => "connection reset",
        SocketError.TimedOut => "connection timed out",
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "host not found",
        SocketError.NetworkUnreachable or SocketError.NetworkDown => "network unreachable",
        SocketError.HostUnreachable or SocketError.HostDown => "host unreachable",
        var code => code.ToString(),
    };

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }

    private static T? Find<T>(Exception? error)
        where T : Exception
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }
}
