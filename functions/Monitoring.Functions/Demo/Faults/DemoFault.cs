namespace Monitoring.Functions.Demo.Faults;

/// <summary>What is wrong with one route of the shop, on purpose.</summary>
/// <param name="ErrorRate">The fraction of requests, 0 to 1, that answer <paramref name="StatusCode"/>.</param>
/// <param name="StatusCode">The status injected errors answer, 400 to 599.</param>
/// <param name="Latency">Extra delay before the route answers.</param>
/// <param name="Down">True: the route answers 503 at once, whatever the other settings say.</param>
internal sealed record DemoFault(double ErrorRate, int StatusCode, TimeSpan Latency, bool Down);
