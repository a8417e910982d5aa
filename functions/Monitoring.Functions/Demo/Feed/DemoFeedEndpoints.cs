using System.Text.Json.Nodes;
using Monitoring.Functions.Demo.Faults;

namespace Monitoring.Functions.Demo.Feed;

/// <summary>The orders feed, <c>GET /demo/feed/orders</c>, and its fault API under <c>/demo/feed/fault</c>.</summary>
internal static class DemoFeedEndpoints
{
    /// <summary>Maps the feed and its fault API onto the shop's group.</summary>
    public static void Map(IEndpointRouteBuilder shop)
    {
        var feed = shop.MapGroup("/feed");

        feed.MapGet("/orders", (DemoOrderFeed orders) => Results.Json(ToJson(orders.Read())))
            .WithFaultRoute(DemoFaultRoutes.Feed);

        feed.MapGet("/fault", (DemoOrderFeed orders) => Results.Ok(DemoFeedFaultView.From(orders.Fault)));

        feed.MapPut("/fault", async (HttpRequest request, DemoOrderFeed orders, CancellationToken cancellationToken) =>
        {
            var (body, problem) = await DemoJsonBody.ReadAsync<DemoFeedFaultRequest>(request, DemoJsonBody.Strict, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }

            var errors = body!.Validate();
            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors, title: "The feed fault is not valid.");
            }

            var fault = orders.SetFault(body.Stopped ?? false, body.Empty ?? false, body.DropColumn);
            return Results.Ok(DemoFeedFaultView.From(fault));
        });

        feed.MapDelete("/fault", (DemoOrderFeed orders) =>
        {
            orders.ClearFault();
            return Results.NoContent();
        });
    }

    // Written field by field, so the dropColumn fault can leave one out of every order.
    private static JsonObject ToJson(DemoFeedSnapshot snapshot)
    {
        var orders = new JsonArray();
        foreach (var order in snapshot.Orders)
        {
            var item = new JsonObject
            {
                [DemoFeedFields.Id] = order.Id,
                [DemoFeedFields.Customer] = order.Customer,
                [DemoFeedFields.Total] = order.Total,
                [DemoFeedFields.Currency] = order.Currency,
                [DemoFeedFields.CreatedAt] = order.CreatedAt.UtcDateTime,
            };
            if (snapshot.DropColumn is { } dropped)
            {
                item.Remove(dropped);
            }

            orders.Add(item);
        }

        return new JsonObject
        {
            ["generatedAt"] = snapshot.GeneratedAt.UtcDateTime,
            ["lastOrderAt"] = snapshot.LastOrderAt.UtcDateTime,
            ["count"] = snapshot.Orders.Count,
            ["orders"] = orders,
        };
    }
}
