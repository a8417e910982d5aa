using System.Globalization;
using System.Reflection;
using Monitoring.Core.Ports;
using Monitoring.Core.Results;
using Monitoring.Functions.Alerting;
using Monitoring.Functions.Execution;
using Monitoring.Functions.Hosting;
using Monitoring.Functions.Invocation;

namespace Monitoring.Functions.Heartbeat;

/// <summary>
/// Writes a heartbeat row (the dead man's switch alerts when these stop arriving) and, from inside, watches that
/// every check keeps producing runs (each check's no-data alert).
/// </summary>
public sealed class HeartbeatFunction(
    SpecProvider spec,
    IResultsWriter results,
    CycleStatistics statistics,
    InstanceIdentity instance,
    CheckNoDataWatch noData,
    SpoolWatch spool,
    TimeProvider time) : IFunctionHandler
{
    /// <summary>The app's version, as recorded in heartbeats.</summary>
    public static string Version { get; } =
        typeof(HeartbeatFunction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <inheritdoc/>
    public string FunctionName => "Heartbeat";

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var checks = spec.Spec.Checks.Count(c => c.Enabled);
        var row = new TableRow(MonitorTables.Heartbeat,
        [
            time.GetUtcNow(),
            instance.Name,
            Version,
            checks,
            Math.Round(statistics.LastCycle.TotalMilliseconds, 3),
        ]);
        await results.AppendAsync([row], cancellationToken);
        var silent = await noData.ObserveAsync(cancellationToken);
        var spooled = await spool.FlushAndObserveAsync(cancellationToken);
        IReadOnlyList<string> logs = [string.Create(CultureInfo.InvariantCulture, $"Heartbeat from {instance.Name}: {checks} checks configured, {silent.Count} without recent runs{(silent.Count == 0 ? string.Empty : ": " + string.Join(", ", silent))}.")];
        return spooled is null ? logs : [.. logs, spooled];
    }
}
