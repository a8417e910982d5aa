namespace Monitoring.Core.Checks;

/// <summary>Why a step failed. The wire names (see <see cref="ErrorKinds"/>) are stored and queried, so they never change.</summary>
public enum ErrorKind
{
    /// <summary>The host name could not be resolved.</summary>
    Dns,

    /// <summary>The TCP connection could not be made (refused, reset, unreachable).</summary>
    Connect,

    /// <summary>The TLS handshake failed or the certificate was rejected.</summary>
    Tls,

    /// <summary>The step or the run ran out of time.</summary>
    Timeout,

    /// <summary>The response status was not acceptable.</summary>
    HttpStatus,

    /// <summary>An assertion on the response did not hold.</summary>
    Assertion,

    /// <summary>A value could not be extracted, or a variable it should have set was missing.</summary>
    Extraction,
}

/// <summary>Stable wire names for <see cref="ErrorKind"/>.</summary>
public static class ErrorKinds
{
    /// <summary>The wire name, e.g. <c>http-status</c>.</summary>
    public static string ToWireName(this ErrorKind kind) => kind switch
    {
        ErrorKind.Dns => "dns",
        ErrorKind.Connect => "connect",
        ErrorKind.Tls => "tls",
        ErrorKind.Timeout => "timeout",
        ErrorKind.HttpStatus => "http-status",
        ErrorKind.Assertion => "assertion",
        ErrorKind.Extraction => "extraction",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown error kind."),
    };

    /// <summary>Parses a wire name; null when it is not one.</summary>
    public static ErrorKind? FromWireName(string? name) => name switch
    {
        "dns" => ErrorKind.Dns,
        "connect" => ErrorKind.Connect,
        "tls" => ErrorKind.Tls,
        "timeout" => ErrorKind.Timeout,
        "http-status" => ErrorKind.HttpStatus,
        "assertion" => ErrorKind.Assertion,
        "extraction" => ErrorKind.Extraction,
        _ => null,
    };
}
