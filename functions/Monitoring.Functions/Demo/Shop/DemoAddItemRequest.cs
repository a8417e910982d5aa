namespace Monitoring.Functions.Demo.Shop;

/// <summary>The body of <c>POST /demo/api/cart/{cartId}/items</c>.</summary>
/// <param name="ProductId">A catalogue product id.</param>
/// <param name="Quantity">How many to add, 1 to <see cref="MaxQuantity"/>; 1 when omitted.</param>
internal sealed record DemoAddItemRequest(string? ProductId, int? Quantity)
{
    /// <summary>The most one request may add, so a typo cannot produce an absurd total.</summary>
    public const int MaxQuantity = 99;
}
