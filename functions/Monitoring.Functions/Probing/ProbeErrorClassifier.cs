using System.Net.Sockets;
using System.Security.Authentication;
using Monitoring.Core.Checks;

namespace Monitoring.Functions.Probing;

/// <summary>Turns what <see cref="HttpClient"/> throws into an error kind and a short message naming the endpoint.</summary>
internal static class ProbeErrorClassifier
{
    /// <summary>
    /// Classifies <paramref name="error"/>, thrown while talking to <paramref name="url"/>. TLS failures are
    /// described by <paramref name="tlsErrors"/> when the certificate callback saw the reason.
    /// </summary>
    public static (ErrorKind Kind, string Message) Classify(Exception error, Uri url, string? tlsErrors)
    {
        var endpoint = $"{url.Host}:{url.Port}";
        var socket = Find<SocketException>(error);
        var requestError = (error as HttpRequestException)?.HttpRequestError ?? HttpRequestError.Unknown;

        if (requestError == HttpRequestError.NameResolutionError
            || socket?.SocketErrorCode is SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain)
        {
            return (ErrorKind.Dns, $"could not resolve {url.Host}");
        }

        if (requestError == HttpRequestError.SecureConnectionError || Find<AuthenticationException>(error) is not null)
        {
            return (ErrorKind.Tls, $"TLS handshake failed: {tlsErrors ?? Innermost(error).Message}");
        }

        switch (socket?.SocketErrorCode)
        {
            case SocketError.ConnectionRefused:
                return (ErrorKind.Connect, $"connection refused ({endpoint})");
            case SocketError.ConnectionReset:
            case SocketError.ConnectionAborted:
                return (ErrorKind.Connect, $"connection reset ({endpoint})");
            case SocketError.NetworkUnreachable:
            case SocketError.NetworkDown:
                return (ErrorKind.Connect, $"network unreachable ({endpoint})");
            case SocketError.HostUnreachable:
            case SocketError.HostDown:
                return (ErrorKind.Connect, $"host unreachable ({endpoint})");
            case SocketError.TimedOut:
                return (ErrorKind.Connect, $"connection timed out ({endpoint})");
        }

        if (error is OperationCanceledException && Find<TimeoutException>(error) is not null)
        {
            return (ErrorKind.Timeout, $"could not connect within the connect timeout ({endpoint})");
        }

        // Protocol errors (the server hung up mid-response, sent garbage) also mean no usable answer from the endpoint.
        var detail = requestError switch
        {
            HttpRequestError.ConnectionError => "could not connect",
            HttpRequestError.ResponseEnded => "the response ended early",
            HttpRequestError.InvalidResponse => "the response was not valid HTTP",
            HttpRequestError.ProxyTunnelError => "the proxy tunnel failed",
            _ => Innermost(error).Message,
        };
        return (ErrorKind.Connect, $"{detail} ({endpoint})");
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

    private static Exception Innermost(Exception error)
    {
        while (error.InnerException is not null)
        {
            error = error.InnerException;
        }

        return error;
    }
}
