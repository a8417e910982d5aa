using Monitoring.Core.Spec.Loading.Nodes;

namespace Monitoring.Core.Spec.Validation;

/// <summary>Maps the <c>defaults</c> section onto <see cref="SpecDefaults.BuiltIn"/>.</summary>
internal static class DefaultsMapper
{
    /// <summary>The defaults, with built-in values wherever the section is silent or wrong.</summary>
    public static SpecDefaults Map(SpecNode? node, SpecErrorList errors, TemplateReader templates)
    {
        var builtIn = SpecDefaults.BuiltIn;
        if (node is null || MappingReader.Open(node, SpecPath.Root.Field("defaults"), errors, SpecFields.Defaults) is not { } section)
        {
            return builtIn;
        }

        var (variables, scope) = section.Map("variables") is { } variableMap
            ? templates.ReadVariables(variableMap, section.PathOf("variables"), VariableScope.Empty)
            : (builtIn.Variables, VariableScope.Empty);

        // Default headers go to every check, so they may only use variables every check has.
        var headers = section.Map("headers") is { } headerMap ? templates.ReadHeaders(headerMap, section.PathOf("headers"), scope) : builtIn.Headers;

        var defaults = new SpecDefaults(
            Interval: section.Duration("interval") ?? builtIn.Interval,
            Timeout: section.Duration("timeout") ?? builtIn.Timeout,
            Retries: section.Integer("retries", CheckLimits.MinRetries, CheckLimits.MaxRetries) ?? builtIn.Retries,
            MaxDuration: section.Duration("maxDuration") ?? builtIn.MaxDuration,
            DegradedAfter: section.Duration("degradedAfter") ?? builtIn.DegradedAfter,
            Location: NonEmpty(section, "location") ?? builtIn.Location,
            Concurrency: section.Integer("concurrency", CheckLimits.MinConcurrency, CheckLimits.MaxConcurrency) ?? builtIn.Concurrency,
            FollowRedirects: section.Bool("followRedirects") ?? builtIn.FollowRedirects,
            Headers: headers,
            Variables: variables);

        CheckLimits.ReportUntimelyInterval(section, defaults.Interval, errors);
        if (defaults.MaxDuration > defaults.Interval && (section.Has("maxDuration") || section.Has("interval")))
        {
            var at = section.Has("maxDuration") ? "maxDuration" : "interval";
            errors.Add(section.PathOf(at), section.Node(at), CheckLimits.MaxDurationMessage(defaults.MaxDuration, defaults.Interval));
        }

        return defaults;
    }

    /// <summary>A text field that must not be blank.</summary>
    public static string? NonEmpty(MappingReader section, string key)
    {
        var text = section.Text(key);
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            section.Errors.Add(section.PathOf(key), section.Node(key), "must not be empty");
            return null;
        }

        return text;
    }
}
