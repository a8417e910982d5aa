using System.Collections.Immutable;
using System.Globalization;
using Monitoring.Functions.Demo.Shop;

namespace Monitoring.Functions.Demo.Feed;

/// <summary>
/// The orders feed: one order every <see cref="Interval"/> of clock time, worked out from the time itself (so a fake
/// clock that jumps ahead sees every order it jumped over), plus the orders placed through checkout, minus what the
/// feed's fault hides. The feed lists the orders of the last <see cref="Span"/>.
/// </summary>
internal sealed partial class DemoOrderFeed(TimeProvider timeProvider, DemoCatalogue catalogue, ILogger<DemoOrderFeed> logger)
{
    /// <summary>How often an order arrives on its own.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    /// <summary>How far back the feed lists orders.</summary>
    public static readonly TimeSpan Span = TimeSpan.FromHours(1);

    private static readonly ImmutableArray<string> Customers = ["ada", "grace", "alan", "barbara", "edsger", "frances", "ken", "margaret"];

    private readonly Lock gate = new();

    // The periods the feed was stopped, oldest first; only the last can still be open (Until null). People make them
    // through the fault API, so the list stays short, and none is dropped, so lastOrderAt stays exact after any stop.
    private readonly List<(DateTimeOffset From, DateTimeOffset? Until)> stops = [];

    // Checkout orders the feed received, oldest first, kept for Span; and the newest one's time, kept for good.
    private readonly List<DemoFeedOrder> placed = [];
    private DateTimeOffset? lastPlacedAt;

    private DemoFeedFault fault = DemoFeedFault.None;

    /// <summary>The current fault.</summary>
    public DemoFeedFault Fault
    {
        get
        {
            lock (gate)
            {
                return fault;
            }
        }
    }

    /// <summary>
    /// Records an order placed through checkout. A stopped feed never receives it: the order exists in the shop, but the
    /// feed missed it, and it does not appear after the feed resumes.
    /// </summary>
    public void Place(string id, string customer, decimal total)
    {
        lock (gate)
        {
            var now = timeProvider.GetUtcNow();
            if (fault.StoppedAt is not null)
            {
                return;
            }

            placed.Add(new DemoFeedOrder(id, customer, total, DemoCatalogue.Currency, now));
            lastPlacedAt = now;
            placed.RemoveAll(order => order.CreatedAt <= now - Span);
        }
    }

    /// <summary>What the feed answers now.</summary>
    public DemoFeedSnapshot Read()
    {
        lock (gate)
        {
            var now = timeProvider.GetUtcNow();
            var orders = new List<DemoFeedOrder>();
            if (!fault.Empty)
            {
                for (var at = TickAtOrBefore(now); at > now - Span; at -= Interval)
                {
                    if (!IsStopped(at))
                    {
                        orders.Add(Steady(at));
                    }
                }

                orders.AddRange(placed.Where(order => order.CreatedAt > now - Span && order.CreatedAt <= now));
                orders.Sort((a, b) => b.CreatedAt != a.CreatedAt ? b.CreatedAt.CompareTo(a.CreatedAt) : string.CompareOrdinal(b.Id, a.Id));
            }

            var lastSteady = LastSteadyAtOrBefore(now);
            var lastOrderAt = lastPlacedAt is { } placedAt && placedAt > lastSteady ? placedAt : lastSteady;
            return new DemoFeedSnapshot(now, lastOrderAt, orders, fault.DropColumn);
        }
    }

    /// <summary>
    /// Sets the fault, replacing the one before. Stopping an already stopped feed keeps the moment it first stopped;
    /// not stopping a stopped feed resumes it, and the orders it missed stay missed.
    /// </summary>
    public DemoFeedFault SetFault(bool stopped, bool empty, string? dropColumn)
    {
        lock (gate)
        {
            var now = timeProvider.GetUtcNow();
            var stoppedAt = fault.StoppedAt;
            if (stopped && stoppedAt is null)
            {
                stops.Add((now, null));
                stoppedAt = now;
            }
            else if (!stopped && stoppedAt is not null)
            {
                stops[^1] = (stops[^1].From, now);
                stoppedAt = null;
            }

            fault = new DemoFeedFault(stoppedAt, empty, dropColumn);
            LogFeedFaultSet(stopped, empty, dropColumn ?? "none");
            return fault;
        }
    }

    /// <summary>Clears the fault: a stopped feed resumes (the orders it missed stay missed).</summary>
    public void ClearFault()
    {
        lock (gate)
        {
            if (fault == DemoFeedFault.None)
            {
                return;
            }

            if (fault.StoppedAt is not null)
            {
                stops[^1] = (stops[^1].From, timeProvider.GetUtcNow());
            }

            fault = DemoFeedFault.None;
            LogFeedFaultCleared();
        }
    }

    private static DateTimeOffset TickAtOrBefore(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % Interval.Ticks), TimeSpan.Zero);

    // The steady order of the tick at: the same order for the same tick, every time and in every app.
    private DemoFeedOrder Steady(DateTimeOffset at)
    {
        var tick = at.UtcTicks / Interval.Ticks;
        var product = catalogue.Products[(int)(tick % catalogue.Products.Length)];
        var quantity = 1 + (int)(tick / catalogue.Products.Length % 3);
        return new DemoFeedOrder(
            "auto-" + at.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture),
            Customers[(int)(tick % Customers.Length)],
            product.Price * quantity,
            product.Currency,
            at);
    }

    private bool IsStopped(DateTimeOffset at) => StopHolding(at) is not null;

    // When the stop that holds at began; null when the feed was receiving orders at that moment.
    private DateTimeOffset? StopHolding(DateTimeOffset at)
    {
        foreach (var (from, until) in stops)
        {
            if (from <= at && (until is null || at < until))
            {
                return from;
            }
        }

        return null;
    }

    // The newest steady order at or before time: the tick, or the last tick before the stop that holds it.
    private DateTimeOffset LastSteadyAtOrBefore(DateTimeOffset time)
    {
        var at = TickAtOrBefore(time);
        while (StopHolding(at) is { } from)
        {
            at = TickAtOrBefore(from - TimeSpan.FromTicks(1));
        }

        return at;
    }

    [LoggerMessage(EventId = 402, Level = LogLevel.Warning, Message = "Demo feed fault set: stopped {Stopped}, empty {Empty}, dropped column {DropColumn}")]
    private partial void LogFeedFaultSet(bool stopped, bool empty, string dropColumn);

    [LoggerMessage(EventId = 403, Level = LogLevel.Information, Message = "Demo feed fault cleared")]
    private partial void LogFeedFaultCleared();
}
