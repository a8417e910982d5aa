using Monitoring.Core.Ports;

namespace Monitoring.Contracts;

/// <summary>A results writer and the history that reads what it wrote, on the same storage.</summary>
/// <param name="Writer">Appends rows.</param>
/// <param name="History">Reads check runs back.</param>
public sealed record ResultsStoreUnderTest(IResultsWriter Writer, ICheckRunHistory History);
