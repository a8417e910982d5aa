namespace Monitoring.Core.Spec.Loading.Nodes;

/// <summary>What a scalar was written as, so that YAML and JSON type it the same way.</summary>
internal enum ScalarKind
{
    /// <summary>null, ~ or an empty YAML value.</summary>
    Null,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A number with a fraction or exponent.</summary>
    Float,

    /// <summary>Text.</summary>
    String,
}
