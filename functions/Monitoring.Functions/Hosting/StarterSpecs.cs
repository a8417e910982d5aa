using System.Collections.Immutable;
using System.Text;

namespace Monitoring.Functions.Hosting;

/// <summary>A starter spec shipped in the assembly, which <c>init --template</c> writes out.</summary>
/// <param name="Name">The name <c>init --template</c> takes.</param>
/// <param name="Description">One line on what it monitors.</param>
public sealed record StarterSpec(string Name, string Description)
{
    /// <summary>The starter's YAML, as embedded.</summary>
    public string ReadText()
    {
        var resource = "Monitoring.Functions.Starters." + Name + ".yaml";
        using var stream = typeof(StarterSpec).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The starter '{Name}' is not embedded as {resource}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

/// <summary>The starter specs for the four seed scenarios.</summary>
public static class StarterSpecs
{
    /// <summary>Every starter, in the order <c>init --list</c> shows them.</summary>
    public static ImmutableArray<StarterSpec> All { get; } =
    [
        new("ecommerce", "E-commerce data platform: shop journeys, the orders feed (freshness, volume, schema), checkout and freshness SLOs."),
        new("healthcare", "Healthcare analytics: patient-portal login, a nightly claims feed with a deadline, critical schema drift, a freshness SLO."),
        new("financial", "Financial services: payments API latency SLO at 99.95, ledger volume and anomaly, reconciliation runs, month-end freeze."),
        new("manufacturing-iot", "Manufacturing IoT: telemetry freshness every minute, device count volume and anomaly, plant-API health, an ingestion SLO."),
    ];

    /// <summary>The starter of that name (case-insensitive), or null.</summary>
    public static StarterSpec? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
