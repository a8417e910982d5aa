namespace Monitoring.Core.DataChecks;

/// <summary>Why a source could not be read.</summary>
public enum DataSourceErrorKind
{
    /// <summary>The server could not be reached (refused, unresolvable, reset).</summary>
    Connection,

    /// <summary>The read did not finish within the check's timeout.</summary>
    Timeout,

    /// <summary>The credentials were refused, or the identity lacks access.</summary>
    Authentication,

    /// <summary>The table, container, database or URL does not exist.</summary>
    NotFound,

    /// <summary>The source rejected the query (a syntax error, a missing column).</summary>
    Query,

    /// <summary>The source answered something the check cannot use (not JSON, a missing field, a wrong type).</summary>
    Response,
}

/// <summary>A source read failed. The message is for people and never holds secrets (connection strings, keys, tokens).</summary>
public sealed class DataSourceException : Exception
{
    /// <summary>A failure of <paramref name="kind"/>.</summary>
    public DataSourceException(DataSourceErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    /// <summary>A connection failure.</summary>
    public DataSourceException()
        : this(DataSourceErrorKind.Connection, "The data source could not be read.")
    {
    }

    /// <summary>A connection failure with a message.</summary>
    public DataSourceException(string message)
        : this(DataSourceErrorKind.Connection, message)
    {
    }

    /// <summary>A connection failure with a message and its cause.</summary>
    public DataSourceException(string message, Exception innerException)
        : this(DataSourceErrorKind.Connection, message, innerException)
    {
    }

    /// <summary>Why the read failed.</summary>
    public DataSourceErrorKind Kind { get; }

    /// <summary>The kind as results write it: connection, timeout, authentication, not-found, query or response.</summary>
    public string WireKind => Kind switch
    {
        DataSourceErrorKind.NotFound => "not-found",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
