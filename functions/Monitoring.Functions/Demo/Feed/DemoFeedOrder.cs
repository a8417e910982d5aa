namespace Monitoring.Functions.Demo.Feed;

/// <summary>One order as the orders feed lists it.</summary>
/// <param name="Id">The order id: <c>auto-…</c> for the steady arrivals, the checkout's <c>order-…</c> id otherwise.</param>
/// <param name="Customer">Who ordered.</param>
/// <param name="Total">What the order costs, in <paramref name="Currency"/>.</param>
/// <param name="Currency">The ISO 4217 currency code of <paramref name="Total"/>.</param>
/// <param name="CreatedAt">When the order was placed.</param>
internal sealed record DemoFeedOrder(string Id, string Customer, decimal Total, string Currency, DateTimeOffset CreatedAt);
