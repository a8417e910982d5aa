using Monitoring.Core.Alerting;
using System.Collections.Immutable;
using Monitoring.Core.Spec.Loading.Nodes;

namespace Monitoring.Core.Spec.Validation;

/// <summary>Maps one item of <c>checks</c>, filling what it does not say from the defaults.</summary>
internal static class CheckMapper
{
    /// <summary>The check, or null when it is wrong (everything wrong is reported).</summary>
    public static CheckSpec? Map(SpecNode node, SpecPath path, MappingContext context, ImmutableHashSet<string> declaredServices)
    {
        var errors = context.Errors;
        var defaults = context.Defaults;
        if (MappingReader.Open(node, path, errors, SpecFields.Check) is not { } check)
        {
            return null;
        }

        var name = check.Name("name");
        if (!check.Has("name"))
        {
            check.ReportMissing("name");
        }

        var service = Service(check, declaredServices);
        var interval = check.Duration("interval") ?? defaults.Interval;
        CheckLimits.ReportUntimelyInterval(check, interval, errors);
        var maxDuration = check.Duration("maxDuration") ?? defaults.MaxDuration;
        if (maxDuration > interval && (check.Has("maxDuration") || check.Has("interval")))
        {
            var at = check.Has("maxDuration") ? "maxDuration" : "interval";
            errors.Add(check.PathOf(at), check.Node(at), CheckLimits.MaxDurationMessage(maxDuration, interval));
        }

        var scope = defaults.Variables.Aggregate(VariableScope.Empty, (s, v) => s.Define(v.Key));
        var variables = defaults.Variables;
        if (check.Map("variables") is { } own)
        {
            var (ownVariables, ownScope) = context.Templates.ReadVariables(own, check.PathOf("variables"), scope);
            variables = variables.AddRange(ownVariables);
            scope = ownScope;
        }

        var steps = Steps(check, name, context, scope);
        var result = new CheckSpec(
            Name: name ?? string.Empty,
            Service: service,
            Description: check.Text("description"),
            Enabled: check.Bool("enabled") ?? true,
            Interval: interval,
            Retries: check.Integer("retries", CheckLimits.MinRetries, CheckLimits.MaxRetries) ?? defaults.Retries,
            MaxDuration: maxDuration,
            DegradedAfter: check.Duration("degradedAfter") ?? defaults.DegradedAfter,
            VerifyTls: check.Section("tls", SpecFields.Tls)?.Bool("verify") ?? true,
            Location: DefaultsMapper.NonEmpty(check, "location") ?? defaults.Location,
            Labels: Labels(check),
            Variables: variables,
            Steps: steps ?? []);
        if (check.Section("alert", SpecFields.CheckAlert) is { } alert)
        {
            result = result with { Alert = Alert(alert, CheckAlertSpec.Default) };
        }

        return name is null || steps is null ? null : result;
    }

    /// <summary>A check's or data check's <c>alert</c> section, each field it leaves out taken from <paramref name="defaults"/>.</summary>
    public static CheckAlertSpec Alert(MappingReader alert, CheckAlertSpec defaults) => new(
        Severity(alert, "severity") ?? defaults.Severity,
        alert.Integer("failureThreshold", CheckLimits.MinThreshold, CheckLimits.MaxThreshold) ?? defaults.FailureThreshold,
        alert.Integer("successThreshold", CheckLimits.MinThreshold, CheckLimits.MaxThreshold) ?? defaults.SuccessThreshold,
        alert.Has("keepFiringFor") ? alert.Duration("keepFiringFor") : defaults.KeepFiringFor);

    /// <summary>An alert severity (critical, warning or info), or null when absent or wrong.</summary>
    public static AlertSeverity? Severity(MappingReader section, string key)
    {
        if (section.Text(key) is not { } text)
        {
            return null;
        }

        var index = SpecFields.AlertSeverities.IndexOf(text);
        if (index < 0)
        {
            section.Errors.Add(section.PathOf(key), section.Node(key), $"'{text}' is not a severity: use {string.Join(", ", SpecFields.AlertSeverities)}");
            return null;
        }

        return (AlertSeverity)index;
    }

    /// <summary>The <c>service</c> field, which must name a declared service; null when absent or undeclared.</summary>
    public static string? Service(MappingReader check, ImmutableHashSet<string> declared)
    {
        var service = check.Text("service");
        if (service is not null && !declared.Contains(service))
        {
            var known = declared.IsEmpty ? "none are declared" : "declared: " + string.Join(", ", declared.Order(StringComparer.Ordinal));
            check.Errors.Add(check.PathOf("service"), check.Node("service"), $"service '{service}' is not declared under services ({known})");
            return null;
        }

        return service;
    }

    private static ImmutableArray<StepSpec>? Steps(MappingReader check, string? name, MappingContext context, VariableScope scope)
    {
        var hasRequest = check.Has("request");
        var hasSteps = check.Has("steps");
        if (hasRequest && hasSteps)
        {
            context.Errors.Add(check.Path, check.Mapping, "has both 'request' and 'steps': use 'request' for one call or 'steps' for a journey");
        }
        else if (!hasRequest && !hasSteps)
        {
            context.Errors.Add(check.Path, check.Mapping, "needs 'request' (one call) or 'steps' (a journey)");
        }

        ImmutableArray<StepSpec>? result = null;
        if (check.Node("request") is { } request)
        {
            // A single request is a one-step journey whose step carries the check's name.
            var step = StepMapper.Map(request, check.PathOf("request"), name ?? "request", context, scope);
            result = step is null ? null : [step];
        }

        if (check.List("steps") is { } steps)
        {
            result = JourneyMapper.Map(steps, check.PathOf("steps"), context, scope);
        }

        return hasRequest == hasSteps ? null : result;
    }

    /// <summary>The <c>labels</c> map, its values as text.</summary>
    public static ImmutableDictionary<string, string> Labels(MappingReader check)
    {
        var labels = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (check.Map("labels") is { } map)
        {
            foreach (var entry in map.Entries)
            {
                if (ValueReader.Text(entry.Value, check.PathOf("labels").Field(entry.Key), check.Errors) is { } value)
                {
                    labels[entry.Key] = value;
                }
            }
        }

        return labels.ToImmutable();
    }
}
