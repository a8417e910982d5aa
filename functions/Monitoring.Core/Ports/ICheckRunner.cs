using Monitoring.Core.Checks;
using Monitoring.Core.Spec;

namespace Monitoring.Core.Ports;

/// <summary>Runs one check to completion: every attempt, every step, cleanup included.</summary>
public interface ICheckRunner
{
    /// <summary>Runs <paramref name="check"/> once. Never throws for target failures; cancellation propagates.</summary>
    Task<CheckRunResult> RunAsync(CheckSpec check, CancellationToken cancellationToken);
}
