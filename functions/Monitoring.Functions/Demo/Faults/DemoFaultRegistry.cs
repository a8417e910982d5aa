using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Monitoring.Functions.Demo.Faults;

/// <summary>The faults currently injected, by route name; shared by the fault API and the fault filter.</summary>
internal sealed partial class DemoFaultRegistry(ILogger<DemoFaultRegistry> logger)
{
    private readonly ConcurrentDictionary<string, DemoFault> faults = new(StringComparer.Ordinal);

    /// <summary>Injects a fault into a route, replacing any fault it had.</summary>
    public void Set(string route, DemoFault fault)
    {
        faults[route] = fault;
        LogFaultSet(route, fault.ErrorRate, fault.StatusCode, (long)fault.Latency.TotalMilliseconds, fault.Down);
    }

    /// <summary>The fault of a route, if it has one.</summary>
    public bool TryGet(string route, [NotNullWhen(true)] out DemoFault? fault) => faults.TryGetValue(route, out fault);

    /// <summary>Removes the fault of one route.</summary>
    public void Clear(string route)
    {
        if (faults.TryRemove(route, out _))
        {
            LogFaultCleared(route);
        }
    }

    /// <summary>Removes every fault.</summary>
    public void ClearAll()
    {
        foreach (var route in faults.Keys)
        {
            Clear(route);
        }
    }

    /// <summary>The active faults, ordered by route name.</summary>
    public IReadOnlyList<DemoFaultView> List() =>
        [.. faults.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => DemoFaultView.From(pair.Key, pair.Value))];

    [LoggerMessage(EventId = 400, Level = LogLevel.Warning, Message = "Demo fault injected into {Route}: error rate {ErrorRate}, status {StatusCode}, latency {LatencyMs} ms, down {Down}")]
    private partial void LogFaultSet(string route, double errorRate, int statusCode, long latencyMs, bool down);

    [LoggerMessage(EventId = 401, Level = LogLevel.Information, Message = "Demo fault cleared from {Route}")]
    private partial void LogFaultCleared(string route);
}
