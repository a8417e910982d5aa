using System.Collections.Immutable;
using Monitoring.Core.Spec.Loading.Nodes;

namespace Monitoring.Core.Spec.Validation;

/// <summary>Maps one item of <c>dataChecks</c>: its schedule, zone, alert, source and rules.</summary>
internal static class DataCheckMapper
{
    /// <summary>The data check, or null when it is wrong (everything wrong is reported).</summary>
    public static DataCheckSpec? Map(SpecNode node, SpecPath path, SpecErrorList errors, TemplateReader templates, ImmutableHashSet<string> declaredServices)
    {
        var before = errors.Count;
        if (MappingReader.Open(node, path, errors, SpecFields.DataCheck) is not { } check)
        {
            return null;
        }

        var name = check.Name("name");
        if (!check.Has("name"))
        {
            check.ReportMissing("name");
        }

        var service = CheckMapper.Service(check, declaredServices);
        var description = check.Text("description");
        var enabled = check.Bool("enabled") ?? true;
        var interval = Interval(check);
        var timeout = Timeout(check, interval);
        var dataset = DefaultsMapper.NonEmpty(check, "dataset");
        var zone = CalendarReader.Zone(check, "timeZone");
        var labels = CheckMapper.Labels(check);
        var alert = check.Section("alert", SpecFields.CheckAlert) is { } alertSection
            ? CheckMapper.Alert(alertSection, DataCheckSpec.DefaultAlert)
            : DataCheckSpec.DefaultAlert;
        var source = DataSourceMapper.Map(check, templates);
        var rules = DataRulesMapper.Map(check, zone, source);

        if (errors.Count != before || name is null || zone is null || source?.Spec is null || rules is null)
        {
            return null;
        }

        return new DataCheckSpec(
            Name: name,
            Service: service,
            Description: description,
            Enabled: enabled,
            Interval: interval,
            Timeout: timeout,
            Dataset: dataset ?? name,
            Zone: zone,
            Labels: labels,
            Source: source.Spec,
            Rules: rules) { Alert = alert };
    }

    private static TimeSpan Interval(MappingReader check)
    {
        var interval = check.Duration("interval") ?? DataCheckSpec.DefaultInterval;
        if (interval < DataCheckSpec.MinInterval)
        {
            check.Errors.Add(check.PathOf("interval"), check.Node("interval"), $"interval {Durations.Format(interval)} must be at least {Durations.Format(DataCheckSpec.MinInterval)}");
        }

        return interval;
    }

    private static TimeSpan Timeout(MappingReader check, TimeSpan interval)
    {
        // The default never passes a short interval: a read that outlived its interval would overlap the next one.
        var timeout = check.Duration("timeout");
        if (timeout is { } own && own > interval)
        {
            check.Errors.Add(check.PathOf("timeout"), check.Node("timeout"), $"timeout {Durations.Format(own)} must not exceed the interval {Durations.Format(interval)}, or reads of the data check would overlap");
        }

        return timeout ?? (DataCheckSpec.DefaultTimeout < interval ? DataCheckSpec.DefaultTimeout : interval);
    }
}
