namespace Monitoring.Functions.Demo.Shop;

/// <summary>The body of <c>POST /demo/api/checkout</c>.</summary>
/// <param name="CartId">The cart to order.</param>
internal sealed record DemoCheckoutRequest(string? CartId);
