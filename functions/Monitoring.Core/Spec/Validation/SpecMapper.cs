using System.Collections.Immutable;
using Monitoring.Core.Ports;
using Monitoring.Core.Spec.Loading.Nodes;

namespace Monitoring.Core.Spec.Validation;

/// <summary>Validates a spec tree whose version is known to be current, and maps it to <see cref="MonitoringSpec"/>.</summary>
internal static class SpecMapper
{
    /// <summary>The spec; meaningful only when <paramref name="errors"/> stays empty.</summary>
    public static MonitoringSpec Map(SpecMapping root, SpecErrorList errors, IEnvironmentVariables environment)
    {
        foreach (var entry in root.Entries.Where(e => SpecFields.Reserved.Contains(e.Key, StringComparer.Ordinal)))
        {
            errors.Add(SpecPath.Root.Field(entry.Key), entry, $"'{entry.Key}' is reserved for a later version of the spec and not supported yet; remove it");
        }

        var top = MappingReader.Open(root, SpecPath.Root, errors, SpecFields.TopLevel, SpecFields.Reserved)!;
        var templates = new TemplateReader(errors, environment);
        var defaults = DefaultsMapper.Map(top.Node("defaults"), errors, templates);

        var servicesMap = top.Map("services");
        var services = ServicesMapper.Map(servicesMap, errors);

        // Checks are matched against every declared service, even one with its own errors, so a mistake is reported once.
        var declared = servicesMap is null ? [] : servicesMap.Entries.Select(e => e.Key).ToImmutableHashSet(StringComparer.Ordinal);
        var checksList = top.List("checks");
        var checks = ChecksMapper.Map(checksList, new MappingContext(errors, templates, defaults), declared);

        // SLOs and data checks are matched against every check written, even one with its own errors, for the same reason.
        var checkNames = WrittenNames.FirstIndexByName(checksList);
        var dataChecksList = top.List("dataChecks");
        var dataChecks = DataChecksMapper.Map(dataChecksList, errors, templates, declared, checkNames);
        var declaredDataChecks = WrittenNames.FirstIndexByName(dataChecksList).Keys.ToImmutableHashSet(StringComparer.Ordinal);
        var references = new SloReferences(
            declared,
            checkNames.Keys.ToImmutableHashSet(StringComparer.Ordinal),
            declaredDataChecks,
            DataChecksMapper.WithFreshnessRule(dataChecksList));
        var slos = SlosMapper.Map(top.List("slos"), errors, references);
        var maintenance = MaintenanceMapper.Map(top.List("maintenance"), errors);
        var notifications = NotificationsMapper.Map(top.Node("notifications"), errors, templates) ?? NotificationsSpec.Default;
        return new MonitoringSpec(defaults, services, checks) { Slos = slos, Maintenance = maintenance, Notifications = notifications, DataChecks = dataChecks };
    }
}
