using System.Collections.Immutable;

namespace Monitoring.Functions.Demo.Feed;

/// <summary>The fields of an order in the feed, as the JSON names them; the ones the <c>dropColumn</c> fault may remove.</summary>
internal static class DemoFeedFields
{
    /// <summary>The order id.</summary>
    public const string Id = "id";

    /// <summary>Who ordered.</summary>
    public const string Customer = "customer";

    /// <summary>The order total.</summary>
    public const string Total = "total";

    /// <summary>The total's currency.</summary>
    public const string Currency = "currency";

    /// <summary>When the order was placed.</summary>
    public const string CreatedAt = "createdAt";

    /// <summary>Every field, in the order the feed writes them.</summary>
    public static readonly ImmutableArray<string> All = [Id, Customer, Total, Currency, CreatedAt];
}
