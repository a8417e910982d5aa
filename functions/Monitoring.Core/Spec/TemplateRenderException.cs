namespace Monitoring.Core.Spec;

/// <summary>Why a template could not be rendered.</summary>
public enum TemplateRenderFailure
{
    /// <summary>A <c>{{name}}</c> variable has no value (not defined, or its extraction did not run).</summary>
    MissingVariable,

    /// <summary>An <c>${env:NAME}</c> reference has no value and no default.</summary>
    MissingEnvironment,
}

/// <summary>Thrown when a template references a value that is not there. The message names the reference, never a value.</summary>
public sealed class TemplateRenderException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TemplateRenderException(TemplateRenderFailure failure, string reference, string message)
        : base(message)
    {
        Failure = failure;
        Reference = reference;
    }

    /// <summary>Creates the exception with only a message.</summary>
    public TemplateRenderException()
    {
        Reference = string.Empty;
    }

    /// <summary>Creates the exception with only a message.</summary>
    public TemplateRenderException(string message)
        : base(message)
    {
        Reference = string.Empty;
    }

    /// <summary>Creates the exception with only a message and an inner exception.</summary>
    public TemplateRenderException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reference = string.Empty;
    }

    /// <summary>What was missing.</summary>
    public TemplateRenderFailure Failure { get; }

    /// <summary>The variable or environment name.</summary>
    public string Reference { get; }
}
