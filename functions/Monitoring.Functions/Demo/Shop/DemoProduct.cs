namespace Monitoring.Functions.Demo.Shop;

/// <summary>One product in the demo shop's fixed catalogue.</summary>
/// <param name="Id">A URL-safe slug, so journeys can put it in a path unchanged.</param>
/// <param name="Name">The display name.</param>
/// <param name="Description">One sentence for the detail page.</param>
/// <param name="Price">The unit price.</param>
/// <param name="Currency">The ISO 4217 currency code of <paramref name="Price"/>.</param>
internal sealed record DemoProduct(string Id, string Name, string Description, decimal Price, string Currency);
