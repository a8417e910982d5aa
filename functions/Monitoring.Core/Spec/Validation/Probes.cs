using System.Text.RegularExpressions;
using Monitoring.Core.Spec.Loading.Nodes;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Monitoring.Core.Spec.Validation;

/// <summary>Checks regular expressions and JSONPaths at load time, so a typo fails validation instead of every run.</summary>
internal static class Probes
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The compiled pattern, or null after reporting why it is not a valid regular expression.</summary>
    public static Regex? Regex(string pattern, SpecNode node, SpecPath path, SpecErrorList errors)
    {
        try
        {
            return new Regex(pattern, RegexOptions.None, RegexTimeout);
        }
        catch (ArgumentException e)
        {
            errors.Add(path, node, $"'{pattern}' is not a valid regular expression: {e.Message}");
            return null;
        }
    }

    /// <summary>True when <paramref name="path"/> is a JSONPath Newtonsoft's SelectToken accepts; reports it otherwise.</summary>
    public static bool JsonPath(string jsonPath, SpecNode node, SpecPath path, SpecErrorList errors)
    {
        if (string.IsNullOrWhiteSpace(jsonPath))
        {
            errors.Add(path, node, "a JSONPath must not be empty");
            return false;
        }

        try
        {
            // Syntax errors surface when the path is parsed, which happens even against an empty document.
            _ = new JObject().SelectToken(jsonPath);
            return true;
        }
        catch (JsonException e)
        {
            errors.Add(path, node, $"'{jsonPath}' is not a valid JSONPath: {e.Message}");
            return false;
        }
    }
}
