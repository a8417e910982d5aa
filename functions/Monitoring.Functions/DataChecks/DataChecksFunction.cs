using System.Globalization;
using Monitoring.Core.Checks;
using Monitoring.Functions.Hosting;
using Monitoring.Functions.Invocation;

namespace Monitoring.Functions.DataChecks;

/// <summary>The 10-second data-check timer: reads the sources of the data checks that are due and judges them.</summary>
public sealed class DataChecksFunction(SpecProvider spec, DataCheckSchedule schedule, DataCheckExecutor executor, TimeProvider time) : IFunctionHandler
{
    /// <inheritdoc/>
    public string FunctionName => "DataChecks";

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var due = schedule.TakeDue(spec.Spec.DataChecks, time.GetUtcNow());
        if (due.Count == 0)
        {
            return ["No data checks due."];
        }

        var evaluations = await executor.RunManyAsync(due, cancellationToken);
        return [string.Create(CultureInfo.InvariantCulture,
            $"Evaluated {evaluations.Count} of {due.Count} due data checks: {evaluations.Count(e => e.Outcome == CheckOutcome.Healthy)} Healthy, " +
            $"{evaluations.Count(e => e.Outcome == CheckOutcome.Degraded)} Degraded, {evaluations.Count(e => e.Outcome == CheckOutcome.Failed)} Failed.")];
    }
}
