using System.Globalization;
using System.Net;
using System.Text;
using Monitoring.Functions.Demo.Faults;

namespace Monitoring.Functions.Demo.Shop;

/// <summary>The HTML pages: the homepage <c>GET /demo/</c> and a product page <c>GET /demo/products/{id}</c>.</summary>
internal static class DemoPageEndpoints
{
    /// <summary>Maps the pages onto the shop's group.</summary>
    public static void Map(IEndpointRouteBuilder shop)
    {
        shop.MapGet("/", (HttpRequest request, DemoCatalogue catalogue) =>
        {
            var list = new StringBuilder();
            foreach (var product in catalogue.Products)
            {
                list.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{ProductPath(request, product)}\">{Encode(product.Name)}</a> {Price(product)}</li>");
            }

            return Html("ShopFlow", $"<h1>ShopFlow</h1><p>Coffee gear, delivered.</p><ul>{list}</ul>");
        }).WithFaultRoute(DemoFaultRoutes.Homepage);

        shop.MapGet("/products/{id}", (string id, HttpRequest request, DemoCatalogue catalogue) =>
        {
            if (!catalogue.TryFind(id, out var product))
            {
                return Html("Not found - ShopFlow", "<h1>Product not found</h1><p>This product is not in the ShopFlow catalogue.</p>", StatusCodes.Status404NotFound);
            }

            return Html(
                $"{product.Name} - ShopFlow",
                $"<h1>{Encode(product.Name)}</h1><p>{Encode(product.Description)}</p><p class=\"price\">{Price(product)}</p>"
                + $"<p><a href=\"{Encode(request.PathBase + DemoShopExtensions.Prefix + "/")}\">Back to ShopFlow</a></p>");
        }).WithFaultRoute(DemoFaultRoutes.Product);
    }

    // Links are absolute so they work whether the homepage was asked for as /demo or /demo/.
    private static string ProductPath(HttpRequest request, DemoProduct product) =>
        Encode($"{request.PathBase}{DemoShopExtensions.Prefix}/products/{Uri.EscapeDataString(product.Id)}");

    private static string Price(DemoProduct product) =>
        string.Create(CultureInfo.InvariantCulture, $"{product.Price:0.00} {product.Currency}");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static IResult Html(string title, string body, int statusCode = StatusCodes.Status200OK) =>
        Results.Content(
            $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{Encode(title)}</title></head><body>{body}</body></html>",
            "text/html; charset=utf-8",
            Encoding.UTF8,
            statusCode);
}
