using System.Collections.Immutable;
using Monitoring.Core.Spec;

namespace Monitoring.Functions.Hosting;

/// <summary>The spec could not be loaded; the app refuses to start and lists every error.</summary>
public sealed class InvalidSpecException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/> with its errors.</summary>
    public InvalidSpecException(string path, ImmutableArray<SpecError> errors)
        : base($"The spec '{path}' is invalid: {errors.Length} error(s).")
    {
        Path = path;
        Errors = errors;
    }

    /// <summary>Creates the exception.</summary>
    public InvalidSpecException()
        : this(string.Empty, [])
    {
    }

    /// <summary>Creates the exception.</summary>
    public InvalidSpecException(string message)
        : base(message)
    {
        Path = string.Empty;
    }

    /// <summary>Creates the exception.</summary>
    public InvalidSpecException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = string.Empty;
    }

    /// <summary>The spec file.</summary>
    public string Path { get; }

    /// <summary>Every error found.</summary>
    public ImmutableArray<SpecError> Errors { get; }
}
