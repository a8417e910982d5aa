using System.Globalization;
using Monitoring.Azure.FanOut;
using Monitoring.Functions.Execution;
using Monitoring.Functions.Hosting;
using Monitoring.Functions.Invocation;

namespace Monitoring.Functions.FanOut;

/// <summary>
/// The 10-second dispatcher of the queue fan-out: takes the checks due now and enqueues them in batches, so any
/// number of instances (Flex Consumption scales on the queue's length) run them through <c>RunChecks</c>. Off by
/// default; then <c>SyntheticChecks</c> runs the checks in this process and this function does nothing.
/// </summary>
public sealed class CheckDispatchFunction(SpecProvider spec, CheckSchedule schedule, MonitoringOptions options, IServiceProvider services, TimeProvider time) : IFunctionHandler
{
    /// <inheritdoc/>
    public string FunctionName => "CheckDispatch";

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        if (!options.FanOut)
        {
            return ["Fan-out is off: SyntheticChecks runs the checks in this process."];
        }

        var queue = services.GetRequiredService<CheckFanOut>();
        var now = time.GetUtcNow();
        var due = schedule.TakeDue(spec.Spec.Checks, now);
        var batches = due.Chunk(Math.Max(1, options.FanOutBatchSize)).ToList();
        foreach (var batch in batches)
        {
            await queue.SendAsync(new CheckDispatchMessage([.. batch.Select(c => c.Name)], now).ToJson(), delay: null, cancellationToken);
        }

        return [string.Create(CultureInfo.InvariantCulture, $"Dispatched {due.Count} due checks in {batches.Count} messages to queue {queue.Name}.")];
    }
}
