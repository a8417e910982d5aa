using Monitoring.Functions.Demo.Faults;

namespace Monitoring.Functions.Demo.Shop;

/// <summary>The product APIs: <c>GET /demo/api/products</c> and <c>GET /demo/api/products/{id}</c>.</summary>
internal static class DemoProductEndpoints
{
    /// <summary>Maps the product APIs onto the shop's group.</summary>
    public static void Map(IEndpointRouteBuilder shop)
    {
        shop.MapGet("/api/products", (DemoCatalogue catalogue) => Results.Ok(catalogue.Products))
            .WithFaultRoute(DemoFaultRoutes.Products);

        shop.MapGet("/api/products/{id}", (string id, DemoCatalogue catalogue) =>
                catalogue.TryFind(id, out var product) ? Results.Ok(product) : UnknownProduct(id))
            .WithFaultRoute(DemoFaultRoutes.Product);
    }

    /// <summary>404 for a product id that is not in the catalogue.</summary>
    public static IResult UnknownProduct(string id) =>
        DemoProblems.NotFound("The product does not exist.", $"No product has the id '{id}'.");
}
