using Monitoring.Core.Ports;

namespace Monitoring.Contracts;

/// <summary>A results writer and the SLI reader that counts what it wrote, on the same storage.</summary>
/// <param name="Writer">Appends check-run and data-check rows.</param>
/// <param name="Reader">Counts SLI events.</param>
public sealed record SliReaderUnderTest(IResultsWriter Writer, ISliReader Reader);
