namespace Monitoring.Functions.Demo.Faults;

/// <summary>An active fault as the fault API shows it, in the same units the API accepts.</summary>
/// <param name="Route">The route name.</param>
/// <param name="ErrorRate">The fraction of requests that fail.</param>
/// <param name="StatusCode">The status failed requests answer.</param>
/// <param name="LatencyMs">Extra delay in milliseconds.</param>
/// <param name="Down">True when the route answers 503 at once.</param>
internal sealed record DemoFaultView(string Route, double ErrorRate, int StatusCode, long LatencyMs, bool Down)
{
    /// <summary>Shows a fault of a route.</summary>
    public static DemoFaultView From(string route, DemoFault fault) =>
        new(route, fault.ErrorRate, fault.StatusCode, (long)fault.Latency.TotalMilliseconds, fault.Down);
}
