namespace Monitoring.Functions.Demo.Shop;

/// <summary>One product in a cart, as the cart API shows it.</summary>
/// <param name="ProductId">The product's id.</param>
/// <param name="Name">The product's display name.</param>
/// <param name="Quantity">How many are in the cart.</param>
/// <param name="Price">The unit price.</param>
internal sealed record DemoCartLine(string ProductId, string Name, int Quantity, decimal Price);
