using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Monitoring.Functions.Demo.Faults;

/// <summary>The names faults are injected by; each covers one part of the shop.</summary>
internal static class DemoFaultRoutes
{
    /// <summary>The homepage.</summary>
    public const string Homepage = "homepage";

    /// <summary>The product list API.</summary>
    public const string Products = "products";

    /// <summary>Both product detail endpoints: the API and the HTML page.</summary>
    public const string Product = "product";

    /// <summary>Login.</summary>
    public const string Login = "login";

    /// <summary>Cart create, add item and get.</summary>
    public const string Cart = "cart";

    /// <summary>Checkout.</summary>
    public const string Checkout = "checkout";

    /// <summary>Logout.</summary>
    public const string Logout = "logout";

    /// <summary>The orders feed.</summary>
    public const string Feed = "feed";

    /// <summary>Every route name, in the order the shop is usually walked through, then the feed.</summary>
    public static readonly ImmutableArray<string> All = [Homepage, Products, Product, Login, Cart, Checkout, Logout, Feed];

    private static readonly FrozenSet<string> Known = All.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True for one of <see cref="All"/> (case-sensitive, as the fault API's paths are).</summary>
    public static bool IsKnown(string route) => Known.Contains(route);
}
