using Monitoring.Functions.Demo.Faults;
using Monitoring.Functions.Demo.Feed;

namespace Monitoring.Functions.Demo.Shop;

/// <summary>The cart APIs under <c>/demo/api/cart</c> and checkout; all need a bearer token.</summary>
internal static class DemoCartEndpoints
{
    /// <summary>Maps the cart and checkout APIs onto the shop's group.</summary>
    public static void Map(IEndpointRouteBuilder shop)
    {
        shop.MapPost("/api/cart", (HttpRequest request, DemoSessionStore sessions, DemoCartStore carts) =>
        {
            if (!DemoBearerToken.TryAuthenticate(request, sessions, out var session))
            {
                return DemoProblems.Unauthorized();
            }

            carts.RemoveAbandoned(sessions.IsActive);
            var cart = carts.Create(session.Token);
            return Results.Created($"{request.PathBase}{DemoShopExtensions.Prefix}/api/cart/{cart.Id}", new { cartId = cart.Id });
        }).WithFaultRoute(DemoFaultRoutes.Cart);

        shop.MapPost("/api/cart/{cartId}/items", async (string cartId, HttpRequest request, DemoSessionStore sessions, DemoCartStore carts, DemoCatalogue catalogue, CancellationToken cancellationToken) =>
        {
            if (!DemoBearerToken.TryAuthenticate(request, sessions, out var session))
            {
                return DemoProblems.Unauthorized();
            }

            var (body, problem) = await DemoJsonBody.ReadAsync<DemoAddItemRequest>(request, DemoJsonBody.Lenient, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }

            var quantity = body!.Quantity ?? 1;
            if (quantity is < 1 or > DemoAddItemRequest.MaxQuantity)
            {
                return DemoProblems.BadRequest("The quantity is not valid.", $"It must be between 1 and {DemoAddItemRequest.MaxQuantity}. It was {quantity}.");
            }

            if (string.IsNullOrEmpty(body.ProductId) || !catalogue.TryFind(body.ProductId, out var product))
            {
                return DemoProblems.BadRequest("The product does not exist.", $"No product has the id '{body.ProductId}'.");
            }

            var view = carts.TryFind(cartId, session.Token, out var cart) ? cart.Add(product, quantity) : null;
            return view is null ? UnknownCart(cartId) : Results.Ok(view);
        }).WithFaultRoute(DemoFaultRoutes.Cart);

        shop.MapGet("/api/cart/{cartId}", (string cartId, HttpRequest request, DemoSessionStore sessions, DemoCartStore carts) =>
        {
            if (!DemoBearerToken.TryAuthenticate(request, sessions, out var session))
            {
                return DemoProblems.Unauthorized();
            }

            var view = carts.TryFind(cartId, session.Token, out var cart) ? cart.Snapshot() : null;
            return view is null ? UnknownCart(cartId) : Results.Ok(view);
        }).WithFaultRoute(DemoFaultRoutes.Cart);

        shop.MapPost("/api/checkout", async (HttpRequest request, DemoSessionStore sessions, DemoCartStore carts, DemoOrderFeed feed, CancellationToken cancellationToken) =>
        {
            if (!DemoBearerToken.TryAuthenticate(request, sessions, out var session))
            {
                return DemoProblems.Unauthorized();
            }

            var (body, problem) = await DemoJsonBody.ReadAsync<DemoCheckoutRequest>(request, DemoJsonBody.Lenient, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }

            if (string.IsNullOrEmpty(body!.CartId) || !carts.TryFind(body.CartId, session.Token, out var cart))
            {
                return UnknownCart(body.CartId);
            }

            if (cart.CheckOut() is not { } ordered)
            {
                return cart.Snapshot() is null
                    ? UnknownCart(cart.Id)
                    : DemoProblems.BadRequest("The cart is empty.", $"Add items to cart '{cart.Id}' before checking out.");
            }

            carts.Remove(cart.Id);
            var orderId = carts.NextOrderId();
            feed.Place(orderId, session.Username, ordered.Total);
            return Results.Json(new { orderId, total = ordered.Total }, statusCode: StatusCodes.Status201Created);
        }).WithFaultRoute(DemoFaultRoutes.Checkout);
    }

    private static IResult UnknownCart(string? cartId) =>
        DemoProblems.NotFound("The cart does not exist.", $"No cart of this session has the id '{cartId}'.");
}
