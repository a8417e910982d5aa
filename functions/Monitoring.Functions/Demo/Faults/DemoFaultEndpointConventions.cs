namespace Monitoring.Functions.Demo.Faults;

/// <summary>Puts an endpoint under fault injection.</summary>
internal static class DemoFaultEndpointConventions
{
    /// <summary>Names the fault route of an endpoint and adds the filter that applies that route's fault.</summary>
    /// <exception cref="ArgumentException">The route is not one of <see cref="DemoFaultRoutes.All"/>.</exception>
    public static TBuilder WithFaultRoute<TBuilder>(this TBuilder builder, string route)
        where TBuilder : IEndpointConventionBuilder
    {
        if (!DemoFaultRoutes.IsKnown(route))
        {
            throw new ArgumentException($"The fault route is not one of {string.Join(", ", DemoFaultRoutes.All)}. It was '{route}'.", nameof(route));
        }

        return builder
            .WithMetadata(new DemoFaultRouteMetadata(route))
            .AddEndpointFilter<TBuilder, DemoFaultFilter>();
    }
}
