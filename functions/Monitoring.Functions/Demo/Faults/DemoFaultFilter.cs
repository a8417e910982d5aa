using System.Globalization;

namespace Monitoring.Functions.Demo.Faults;

/// <summary>Applies the injected fault of the endpoint's route before the endpoint runs, so every route fails the same way.</summary>
internal sealed class DemoFaultFilter(DemoFaultRegistry faults, TimeProvider timeProvider, IDemoRandomSource random) : IEndpointFilter
{
    /// <summary>The response header naming the route whose fault shaped the answer, so people can tell injected failures from real ones.</summary>
    public const string HeaderName = "X-Demo-Fault";

    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var route = http.GetEndpoint()?.Metadata.GetMetadata<DemoFaultRouteMetadata>()?.Route;
        if (route is null || !faults.TryGet(route, out var fault))
        {
            return await next(context);
        }

        if (fault.Down)
        {
            http.Response.Headers[HeaderName] = route;
            return Results.Problem(
                title: "The service is unavailable.",
                detail: $"The demo shop's '{route}' route was taken down by fault injection.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        if (fault.Latency > TimeSpan.Zero)
        {
            http.Response.Headers[HeaderName] = route;
            await Task.Delay(fault.Latency, timeProvider, http.RequestAborted);
        }

        // NextDouble is below 1, so a rate of 1 always fires and a rate of 0 never does.
        if (fault.ErrorRate > 0 && random.NextDouble() < fault.ErrorRate)
        {
            http.Response.Headers[HeaderName] = route;
            return Results.Problem(
                title: "An injected fault failed the request.",
                detail: string.Create(CultureInfo.InvariantCulture, $"The demo shop's '{route}' route fails {fault.ErrorRate:P0} of requests by fault injection."),
                statusCode: fault.StatusCode);
        }

        return await next(context);
    }
}
