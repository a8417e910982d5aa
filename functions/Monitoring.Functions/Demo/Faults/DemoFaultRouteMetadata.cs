namespace Monitoring.Functions.Demo.Faults;

/// <summary>Endpoint metadata naming the fault route an endpoint belongs to.</summary>
/// <param name="Route">One of <see cref="DemoFaultRoutes.All"/>.</param>
internal sealed record DemoFaultRouteMetadata(string Route);
