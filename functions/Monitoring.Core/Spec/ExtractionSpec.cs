namespace Monitoring.Core.Spec;

/// <summary>Where an extracted value comes from.</summary>
public enum ExtractionSource
{
    /// <summary>A JSONPath over the JSON response body (Newtonsoft SelectToken syntax).</summary>
    JsonPath,

    /// <summary>A response header, by name (case-insensitive); the first value.</summary>
    Header,

    /// <summary>A regular expression over the response body; a capture group's value.</summary>
    Regex,
}

/// <summary>Sets a variable from a response, for later steps.</summary>
/// <param name="Variable">The variable name, referenced later as <c>{{name}}</c>.</param>
/// <param name="Source">Where the value comes from.</param>
/// <param name="Expression">The JSONPath, header name or regular expression.</param>
/// <param name="Group">For <see cref="ExtractionSource.Regex"/>: the capture group (default 1, or 0 when the pattern has none).</param>
public sealed record ExtractionSpec(string Variable, ExtractionSource Source, string Expression, int Group);
