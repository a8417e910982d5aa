using Monitoring.Core.Checks;

namespace Monitoring.Functions.Execution;

/// <summary>Hears about every check run once it is stored, scheduled or on demand (alerting listens here).</summary>
public interface IRunObserver
{
    /// <summary>Takes one finished run. Exceptions are logged by the executor and do not affect other runs.</summary>
    Task OnRunAsync(CheckRunResult run, CancellationToken cancellationToken);
}
