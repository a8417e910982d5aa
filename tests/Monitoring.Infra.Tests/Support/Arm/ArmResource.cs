using System.Text.Json.Nodes;

namespace Monitoring.Infra.Tests.Support.Arm;

/// <summary>One resource of an evaluated template, with every expression in it evaluated.</summary>
/// <param name="Type">Resource type, e.g. <c>Microsoft.Storage/storageAccounts</c>.</param>
/// <param name="Name">Its name as ARM takes it (<c>parent/child</c> for child resources).</param>
/// <param name="Id">Its resource id.</param>
/// <param name="Body">The evaluated resource: properties, kind, sku, identity, tags and so on.</param>
/// <param name="Deployed">False when its condition (or its module's) is false for the parameters given.</param>
/// <param name="Deployment">The deployment (template or module) that declares it.</param>
internal sealed record ArmResource(string Type, string Name, string Id, JsonObject Body, bool Deployed, ArmDeployment Deployment)
{
    /// <summary>The module it deploys, for a <c>Microsoft.Resources/deployments</c> resource.</summary>
    public ArmDeployment? Module { get; init; }

    /// <summary>Its evaluated <c>properties</c>, or an empty object.</summary>
    public JsonObject Properties => Body["properties"] as JsonObject ?? [];

    /// <summary>True when the type is <paramref name="type"/> (case-insensitive, as ARM compares types).</summary>
    public bool Is(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override string ToString() => $"{Type} {Name}";
}
