using Monitoring.Core.Ports;

namespace Monitoring.Contracts;

/// <summary>A results writer and the delivery log that reads what it wrote, on the same storage.</summary>
/// <param name="Writer">Appends delivery rows.</param>
/// <param name="Log">Reads them back.</param>
public sealed record DeliveryLogUnderTest(IResultsWriter Writer, IDeliveryLog Log);
