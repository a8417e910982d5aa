namespace Monitoring.Core.Results;

/// <summary>Column types, as Log Analytics custom tables name them.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "The members mirror the Log Analytics type names on purpose.")]
public enum ColumnType
{
    /// <summary>Text.</summary>
    String,

    /// <summary>32-bit integer.</summary>
    Int,

    /// <summary>64-bit integer.</summary>
    Long,

    /// <summary>Double.</summary>
    Real,

    /// <summary>True or false.</summary>
    Boolean,

    /// <summary>A UTC instant; values are <see cref="DateTimeOffset"/>.</summary>
    DateTime,

    /// <summary>A JSON value; values are <see cref="System.Text.Json.Nodes.JsonNode"/>.</summary>
    Dynamic,

    /// <summary>A GUID.</summary>
    Guid,
}
