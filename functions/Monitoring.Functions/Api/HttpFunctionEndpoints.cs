using Monitoring.Functions.Hosting;
using Monitoring.Functions.Invocation;

namespace Monitoring.Functions.Api;

/// <summary>
/// Maps each HTTP function at its proxied path (<c>/api/{route}</c>) with the methods its
/// function.json declares, so the host and the standalone app expose exactly the same API.
/// </summary>
public static class HttpFunctionEndpoints
{
    /// <summary>Maps every HTTP function; throws when a function.json has no handler or a handler has no function.json.</summary>
    public static IEndpointRouteBuilder MapHttpFunctions(this IEndpointRouteBuilder endpoints, string? functionKey)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var catalog = endpoints.ServiceProvider.GetRequiredService<FunctionCatalog>();
        var host = endpoints.ServiceProvider.GetRequiredService<HostEnvironment>();
        var httpFunctions = catalog.Functions.Where(f => f.Trigger == TriggerKind.Http).ToList();

        var orphans = MonitoringApi.Handlers.Keys.Where(name => httpFunctions.All(f => !string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))).ToList();
        if (orphans.Count > 0)
        {
            throw new InvalidOperationException($"These HTTP handlers have no function.json: {string.Join(", ", orphans)}.");
        }

        foreach (var function in httpFunctions)
        {
            if (!MonitoringApi.Handlers.TryGetValue(function.Name, out var handler))
            {
                throw new InvalidOperationException($"The HTTP function '{function.Name}' has a function.json but no handler.");
            }

            var methods = (function.TriggerBinding.Methods ?? ["get", "post"]).Select(m => m.ToUpperInvariant()).ToArray();
            var endpoint = endpoints.MapMethods("/" + function.HttpPath, methods, handler).WithName(function.Name);
            if (function.RequiresFunctionKey && !host.UnderFunctionsHost && !string.IsNullOrEmpty(functionKey))
            {
                endpoint.AddEndpointFilter(new FunctionKeyFilter(functionKey));
            }
        }

        return endpoints;
    }
}
