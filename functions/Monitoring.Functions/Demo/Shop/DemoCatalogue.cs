using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Monitoring.Functions.Demo.Shop;

/// <summary>The demo shop's products: fixed, in a fixed order, so checks and tests see the same data every run.</summary>
internal sealed class DemoCatalogue
{
    /// <summary>The currency every price is in.</summary>
    public const string Currency = "EUR";

    private readonly FrozenDictionary<string, DemoProduct> byId;

    /// <summary>Creates the catalogue with its six products.</summary>
    public DemoCatalogue()
    {
        Products =
        [
            new("espresso-machine", "Espresso Machine", "A dual-boiler machine for café-grade espresso at home.", 249.00m, Currency),
            new("burr-grinder", "Burr Grinder", "Conical burrs and forty grind settings, from espresso to cold brew.", 89.50m, Currency),
            new("pour-over-kettle", "Pour-Over Kettle", "A gooseneck kettle with a built-in thermometer.", 45.00m, Currency),
            new("ceramic-dripper", "Ceramic Dripper", "A hand-glazed dripper that holds its heat.", 24.90m, Currency),
            new("coffee-beans", "Single-Origin Beans (1 kg)", "Washed Ethiopian beans with notes of jasmine and lemon.", 32.00m, Currency),
            new("milk-frother", "Milk Frother", "Silky microfoam for flat whites in under a minute.", 39.99m, Currency),
        ];
        byId = Products.ToFrozenDictionary(product => product.Id, StringComparer.Ordinal);
    }

    /// <summary>Every product, in display order.</summary>
    public ImmutableArray<DemoProduct> Products { get; }

    /// <summary>Finds a product by its id (case-sensitive, like a URL path).</summary>
    public bool TryFind(string id, [NotNullWhen(true)] out DemoProduct? product) => byId.TryGetValue(id, out product);
}
