namespace Monitoring.Functions.Demo.Shop;

/// <summary>A cart owned by one session; it locks itself because concurrent requests may add to it.</summary>
internal sealed class DemoCart(string id, string ownerToken)
{
    private readonly Lock gate = new();
    private readonly List<DemoCartLine> lines = [];
    private bool checkedOut;

    /// <summary>The cart's id.</summary>
    public string Id { get; } = id;

    /// <summary>The token of the session that created the cart; no other session may see it.</summary>
    public string OwnerToken { get; } = ownerToken;

    /// <summary>Adds a quantity of a product, merging with an existing line; null once the cart is checked out.</summary>
    public DemoCartView? Add(DemoProduct product, int quantity)
    {
        lock (gate)
        {
            if (checkedOut)
            {
                return null;
            }

            var index = lines.FindIndex(line => line.ProductId == product.Id);
            if (index < 0)
            {
                lines.Add(new DemoCartLine(product.Id, product.Name, quantity, product.Price));
            }
            else
            {
                lines[index] = lines[index] with { Quantity = lines[index].Quantity + quantity };
            }

            return SnapshotLocked();
        }
    }

    /// <summary>The cart as it is now; null once it is checked out.</summary>
    public DemoCartView? Snapshot()
    {
        lock (gate)
        {
            return checkedOut ? null : SnapshotLocked();
        }
    }

    /// <summary>Closes the cart for an order and returns what was ordered; null when it is empty or already checked out.</summary>
    public DemoCartView? CheckOut()
    {
        lock (gate)
        {
            if (checkedOut || lines.Count == 0)
            {
                return null;
            }

            checkedOut = true;
            return SnapshotLocked();
        }
    }

    private DemoCartView SnapshotLocked() =>
        new(Id, [.. lines], lines.Sum(line => line.Price * line.Quantity));
}
