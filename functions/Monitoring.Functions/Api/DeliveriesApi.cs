using Monitoring.Core.Ports;

namespace Monitoring.Functions.Api;

/// <summary>The delivery log API: the newest notification deliveries, with their results.</summary>
public static class DeliveriesApi
{
    /// <summary>The <c>limit</c> of <c>/api/deliveries</c> when none is given.</summary>
    public const int DefaultLimit = 50;

    /// <summary>Largest <c>limit</c> of <c>/api/deliveries</c>.</summary>
    public const int MaxLimit = 500;

    /// <summary>The handlers, keyed by function name.</summary>
    public static IEnumerable<KeyValuePair<string, Delegate>> Handlers =>
    [
        new("deliveries", ListAsync),
    ];

    private static async Task<IResult> ListAsync(string? limit, IDeliveryLog log, CancellationToken cancellationToken)
    {
        var count = ApiProblems.ParseBounded(limit, DefaultLimit, 1, MaxLimit);
        if (count is null)
        {
            return ApiProblems.OutOfRange("limit", limit, 1, MaxLimit);
        }

        var entries = await log.ReadRecentAsync(count.Value, cancellationToken);
        return Results.Ok(new { deliveries = entries.Select(DeliveryView.From) });
    }
}
