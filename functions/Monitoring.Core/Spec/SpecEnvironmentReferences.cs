using System.Text.Json.Nodes;

namespace Monitoring.Core.Spec;

/// <summary>Finds every environment variable a spec reads, so their values can be treated as secrets up front.</summary>
public static class SpecEnvironmentReferences
{
    /// <summary>The distinct environment variable names referenced anywhere in <paramref name="spec"/>.</summary>
    public static IReadOnlyList<string> Names(MonitoringSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return [.. Templates(spec).SelectMany(t => t.EnvironmentReferences).Select(r => r.Name).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Every template in the spec.</summary>
    public static IEnumerable<Template> Templates(MonitoringSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        foreach (var variable in spec.Defaults.Variables)
        {
            yield return variable.Value;
        }

        foreach (var header in spec.Defaults.Headers)
        {
            yield return header.Value;
        }

        foreach (var check in spec.Checks)
        {
            foreach (var variable in check.Variables)
            {
                yield return variable.Value;
            }

            foreach (var template in check.Steps.SelectMany(StepTemplates))
            {
                yield return template;
            }
        }

        foreach (var template in spec.DataChecks.SelectMany(c => SourceTemplates(c.Source)))
        {
            yield return template;
        }
    }

    private static IEnumerable<Template> SourceTemplates(DataSourceSpec source)
    {
        switch (source)
        {
            case HttpJsonSourceSpec http:
                yield return http.Url;
                foreach (var header in http.Headers)
                {
                    yield return header.Value;
                }

                break;
            case SqlSourceSpec sql:
                yield return sql.ConnectionString;
                break;
        }
    }

    private static IEnumerable<Template> StepTemplates(StepSpec step)
    {
        yield return step.Url;
        foreach (var header in step.Headers)
        {
            yield return header.Value;
        }

        foreach (var assertion in step.Assertions)
        {
            yield return assertion.Expected;
        }

        if (step.Body is { } body)
        {
            if (body.Raw is not null)
            {
                yield return body.Raw;
            }

            foreach (var field in body.Form.IsDefault ? [] : body.Form)
            {
                yield return field.Value;
            }

            foreach (var text in JsonStrings(body.Json))
            {
                if (Template.TryParse(text, out var template, out _))
                {
                    yield return template;
                }
            }
        }
    }

    private static IEnumerable<string> JsonStrings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(pair => JsonStrings(pair.Value)),
        JsonArray array => array.SelectMany(JsonStrings),
        JsonValue value when value.TryGetValue(out string? text) => [text],
        _ => [],
    };
}
