using System.Globalization;

namespace Monitoring.Core.Spec;

/// <summary>One problem found in a spec, with where it is.</summary>
/// <param name="Path">Where in the spec, e.g. <c>checks[4] (checkout).steps[2] (pay).timeout</c>; empty for the whole document.</param>
/// <param name="Message">What is wrong, in words.</param>
/// <param name="Line">The 1-based line, when known.</param>
/// <param name="Column">The 1-based column, when known.</param>
public sealed record SpecError(string Path, string Message, int? Line, int? Column)
{
    /// <summary>The error as one line, e.g. <c>checks[4] (checkout).steps[2] (pay).timeout: '5x' is not a duration (line 40)</c>.</summary>
    public override string ToString()
    {
        var where = Path.Length == 0 ? Message : $"{Path}: {Message}";
        return Line is { } line ? string.Create(CultureInfo.InvariantCulture, $"{where} (line {line})") : where;
    }
}
