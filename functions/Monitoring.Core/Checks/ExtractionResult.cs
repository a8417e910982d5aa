namespace Monitoring.Core.Checks;

/// <summary>Either the value an extraction produced or why it produced none.</summary>
/// <param name="Value">The extracted text, when the extraction succeeded.</param>
/// <param name="Error">Why nothing was extracted (not yet redacted).</param>
public sealed record ExtractionResult(string? Value, string? Error)
{
    /// <summary>True when a value was extracted.</summary>
    public bool Succeeded => Error is null;

    /// <summary>A successful extraction.</summary>
    public static ExtractionResult Of(string value) => new(value, null);

    /// <summary>A failed extraction.</summary>
    public static ExtractionResult Failed(string error) => new(null, error);
}
