using System.Globalization;
using System.Text.RegularExpressions;
using Monitoring.Core.Ports;
using Monitoring.Core.Spec;

namespace Monitoring.Core.Checks;

/// <summary>Applies one extraction to a response: a pure function that yields the value or says why there is none.</summary>
public static class Extractor
{
    /// <summary>How long an extraction pattern may run before the extraction fails.</summary>
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Extracts <paramref name="extraction"/> from <paramref name="response"/>: a JSON scalar as its text
    /// (objects and arrays as compact JSON), the first value of a header, or a regex group's value.
    /// </summary>
    public static ExtractionResult Extract(ExtractionSpec extraction, ProbeResponse response)
    {
        ArgumentNullException.ThrowIfNull(extraction);
        ArgumentNullException.ThrowIfNull(response);

        return extraction.Source switch
        {
            ExtractionSource.JsonPath => FromJson(extraction.Expression, response.Body),
            ExtractionSource.Header => FromHeader(extraction.Expression, response),
            ExtractionSource.Regex => FromRegex(extraction.Expression, extraction.Group, response.Body),
            _ => throw new ArgumentOutOfRangeException(nameof(extraction), extraction.Source, "Unknown extraction source."),
        };
    }

    private static ExtractionResult FromJson(string path, string body)
    {
        if (!JsonBody.TryParse(body, out var root, out var parseError))
        {
            return ExtractionResult.Failed($"{path}: {parseError}");
        }

        if (!JsonBody.TrySelect(root!, path, out var token, out var selectError))
        {
            return ExtractionResult.Failed(selectError!);
        }

        // A JSON null is as useless to a later step as a missing value, so both fail here, where the cause is visible.
        return token is null || token.Type == Newtonsoft.Json.Linq.JTokenType.Null
            ? ExtractionResult.Failed($"{path} not found in the body")
            : ExtractionResult.Of(JsonBody.ToText(token));
    }

    private static ExtractionResult FromHeader(string name, ProbeResponse response)
    {
        if (response.Headers.TryGetValue(name, out var values) && !values.IsDefaultOrEmpty)
        {
            return ExtractionResult.Of(values[0]);
        }

        foreach (var pair in response.Headers)
        {
            if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase) && !pair.Value.IsDefaultOrEmpty)
            {
                return ExtractionResult.Of(pair.Value[0]);
            }
        }

        return ExtractionResult.Failed($"header {name} not found");
    }

    private static ExtractionResult FromRegex(string pattern, int group, string body)
    {
        Regex regex;
        try
        {
            regex = new Regex(pattern, RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (ArgumentException ex)
        {
            return ExtractionResult.Failed($"'{pattern}' is not a valid regular expression: {ex.Message}");
        }

        if (Array.IndexOf(regex.GetGroupNumbers(), group) < 0)
        {
            return ExtractionResult.Failed(string.Create(CultureInfo.InvariantCulture, $"'{pattern}' has no group {group}"));
        }

        try
        {
            var match = regex.Match(body);
            if (!match.Success)
            {
                return ExtractionResult.Failed($"'{pattern}' did not match the body");
            }

            var captured = match.Groups[group];
            return captured.Success
                ? ExtractionResult.Of(captured.Value)
                : ExtractionResult.Failed(string.Create(CultureInfo.InvariantCulture, $"'{pattern}' matched but group {group} did not take part"));
        }
        catch (RegexMatchTimeoutException)
        {
            return ExtractionResult.Failed(string.Create(CultureInfo.InvariantCulture, $"'{pattern}' took longer than {RegexTimeout.TotalMilliseconds} ms"));
        }
    }
}
