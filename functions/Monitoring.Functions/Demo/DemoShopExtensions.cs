using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitoring.Functions.Demo.Faults;
using Monitoring.Functions.Demo.Feed;
using Monitoring.Functions.Demo.Shop;

namespace Monitoring.Functions.Demo;

/// <summary>Registers and maps ShopFlow, the demo shop local runs monitor; never enable it in Azure.</summary>
public static class DemoShopExtensions
{
    /// <summary>The path every demo shop route lives under.</summary>
    public const string Prefix = "/demo";

    /// <summary>Registers the shop's in-memory state. Register a <see cref="TimeProvider"/> or an <see cref="IDemoRandomSource"/> first to replace the defaults.</summary>
    public static IServiceCollection AddDemoShop(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDemoRandomSource, SharedDemoRandomSource>();
        services.TryAddSingleton<DemoCatalogue>();
        services.TryAddSingleton<DemoSessionStore>();
        services.TryAddSingleton<DemoCartStore>();
        services.TryAddSingleton<DemoFaultRegistry>();
        services.TryAddSingleton<DemoOrderFeed>();
        return services;
    }

    /// <summary>Maps the shop's pages, APIs, orders feed and fault APIs under <see cref="Prefix"/>; requires <see cref="AddDemoShop"/>.</summary>
    public static IEndpointRouteBuilder MapDemoShop(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var shop = endpoints.MapGroup(Prefix);
        DemoPageEndpoints.Map(shop);
        DemoProductEndpoints.Map(shop);
        DemoAccountEndpoints.Map(shop);
        DemoCartEndpoints.Map(shop);
        DemoFeedEndpoints.Map(shop);
        DemoFaultEndpoints.Map(shop);
        return endpoints;
    }
}
