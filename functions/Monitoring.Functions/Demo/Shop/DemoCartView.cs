using System.Collections.Immutable;

namespace Monitoring.Functions.Demo.Shop;

/// <summary>A snapshot of a cart, as the cart API answers it.</summary>
/// <param name="CartId">The cart's id.</param>
/// <param name="Items">The lines, in the order their products were first added.</param>
/// <param name="Total">The sum of unit price times quantity over all lines.</param>
internal sealed record DemoCartView(string CartId, ImmutableArray<DemoCartLine> Items, decimal Total);
