using Monitoring.Functions.Demo.Feed;

namespace Monitoring.Functions.Demo.Faults;

/// <summary>The fault API under <c>/demo/faults</c>: inject, list and clear faults (clearing all clears the feed's too).</summary>
internal static class DemoFaultEndpoints
{
    /// <summary>Maps the fault API onto the shop's group.</summary>
    public static void Map(IEndpointRouteBuilder shop)
    {
        var faults = shop.MapGroup("/faults");

        faults.MapGet("/", (DemoFaultRegistry registry) => Results.Ok(registry.List()));

        faults.MapPut("/{route}", async (string route, HttpRequest request, DemoFaultRegistry registry, CancellationToken cancellationToken) =>
        {
            if (!DemoFaultRoutes.IsKnown(route))
            {
                return UnknownRoute(route);
            }

            var (body, problem) = await DemoJsonBody.ReadAsync<DemoFaultRequest>(request, DemoJsonBody.Strict, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }

            var errors = body!.Validate();
            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors, title: "The fault is not valid.");
            }

            var fault = body.ToFault();
            registry.Set(route, fault);
            return Results.Ok(DemoFaultView.From(route, fault));
        });

        faults.MapDelete("/{route}", (string route, DemoFaultRegistry registry) =>
        {
            if (!DemoFaultRoutes.IsKnown(route))
            {
                return UnknownRoute(route);
            }

            registry.Clear(route);
            return Results.NoContent();
        });

        faults.MapDelete("/", (DemoFaultRegistry registry, DemoOrderFeed feed) =>
        {
            registry.ClearAll();
            feed.ClearFault();
            return Results.NoContent();
        });
    }

    private static IResult UnknownRoute(string route) =>
        DemoProblems.BadRequest(
            "The fault route is not known.",
            $"Use one of {string.Join(", ", DemoFaultRoutes.All)}. It was '{route}'.");
}
