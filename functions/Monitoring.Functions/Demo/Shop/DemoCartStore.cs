using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;

namespace Monitoring.Functions.Demo.Shop;

/// <summary>In-memory carts, each visible only to the session that created it.</summary>
internal sealed class DemoCartStore
{
    private readonly ConcurrentDictionary<string, DemoCart> carts = new(StringComparer.Ordinal);
    private long lastOrderNumber;

    /// <summary>Creates an empty cart for a session.</summary>
    public DemoCart Create(string ownerToken)
    {
        var cart = new DemoCart(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), ownerToken);
        carts[cart.Id] = cart;
        return cart;
    }

    /// <summary>Finds a cart, but only for the session that owns it, so one session cannot read another's cart.</summary>
    public bool TryFind(string cartId, string ownerToken, [NotNullWhen(true)] out DemoCart? cart)
    {
        if (carts.TryGetValue(cartId, out cart) && cart.OwnerToken == ownerToken)
        {
            return true;
        }

        cart = null;
        return false;
    }

    /// <summary>Drops a cart, e.g. after checkout.</summary>
    public void Remove(string cartId) => carts.TryRemove(cartId, out _);

    /// <summary>Drops the carts of sessions that have ended, so a monitor that logs in every minute does not grow memory.</summary>
    public void RemoveAbandoned(Func<string, bool> isSessionActive)
    {
        foreach (var (cartId, cart) in carts)
        {
            if (!isSessionActive(cart.OwnerToken))
            {
                carts.TryRemove(cartId, out _);
            }
        }
    }

    /// <summary>The next order id; sequential so people watching the demo can follow their orders.</summary>
    public string NextOrderId() =>
        "order-" + Interlocked.Increment(ref lastOrderNumber).ToString("D6", CultureInfo.InvariantCulture);
}
