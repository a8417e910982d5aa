using System.Collections.Immutable;
using Monitoring.Core.Spec.Loading.Nodes;

namespace Monitoring.Core.Spec.Validation;

/// <summary>Maps the <c>services</c> section.</summary>
internal static class ServicesMapper
{
    /// <summary>The services that are valid, keyed by name.</summary>
    public static ImmutableDictionary<string, ServiceSpec> Map(SpecMapping? services, SpecErrorList errors)
    {
        var result = ImmutableDictionary.CreateBuilder<string, ServiceSpec>(StringComparer.Ordinal);
        if (services is null)
        {
            return result.ToImmutable();
        }

        var path = SpecPath.Root.Field("services");
        foreach (var entry in services.Entries)
        {
            var servicePath = path.Field(entry.Key);
            if (!Template.IsIdentifier(entry.Key))
            {
                errors.Add(servicePath, entry, ValueReader.NameMessage(entry.Key));
            }

            if (MapOne(entry.Key, entry.Value, servicePath, errors) is { } service)
            {
                result[entry.Key] = service;
            }
        }

        return result.ToImmutable();
    }

    private static ServiceSpec? MapOne(string name, SpecNode node, SpecPath path, SpecErrorList errors)
    {
        if (MappingReader.Open(node, path, errors, SpecFields.Service) is not { } service)
        {
            return null;
        }

        var team = DefaultsMapper.NonEmpty(service, "team");
        if (!service.Has("team"))
        {
            service.ReportMissing("team");
        }

        var tier = service.Integer("tier", CheckLimits.MinTier, CheckLimits.MaxTier) ?? CheckLimits.DefaultTier;
        Uri? runbook = null;
        if (service.Text("runbook") is { } runbookText)
        {
            if (Uri.TryCreate(runbookText, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                runbook = uri;
            }
            else
            {
                errors.Add(service.PathOf("runbook"), service.Node("runbook"), $"'{runbookText}' is not an absolute http or https URL");
            }
        }

        var description = service.Text("description");
        return team is null ? null : new ServiceSpec(name, team, tier, runbook, description);
    }
}
