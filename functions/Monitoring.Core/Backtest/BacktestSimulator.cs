using System.Collections.Immutable;
using Monitoring.Core.Alerting;
using Monitoring.Core.Slo;
using Monitoring.Core.State;

namespace Monitoring.Core.Backtest;

/// <summary>
/// Runs a scenario through the product's real alerting, minute by minute in simulated time: window counts as the
/// SLI reader would answer them, <see cref="BurnRateEvaluator.Evaluate"/>, the SLO's page, ticket and no-data
/// observations, and the real <see cref="AlertEngine"/> on an in-memory state store.
/// </summary>
public static class BacktestSimulator
{
    /// <summary>Runs <paramref name="scenario"/> and returns its notifications.</summary>
    public static async Task<BacktestRun> RunAsync(BacktestScenario scenario, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var series = BacktestSeries.For(scenario);
        var windows = BurnRateEvaluator.WindowsFor([scenario.Slo]);
        var engine = new AlertEngine(new InMemoryStateStore(yieldOnEachCall: false));
        var notifications = ImmutableArray.CreateBuilder<AlertTransition>();
        for (var minute = 0; minute < series.Minutes; minute++)
        {
            // Evaluated at the end of the minute, so the minute's events are in every window.
            var now = BacktestRun.Start.AddMinutes(minute + 1);
            var counts = new SliWindowCounts(scenario.Slo.Name, windows.ToImmutableDictionary(w => w, w => series.Window(minute, w)));
            var status = BurnRateEvaluator.Evaluate(scenario.Slo, counts, now);
            var transitions = await engine.EvaluateAsync(SloBurnAlerts.Observe(status), now, cancellationToken).ConfigureAwait(false);
            notifications.AddRange(transitions.Where(t => t.Notify != AlertNotifyKind.None));
        }

        return new BacktestRun(scenario, series, notifications.ToImmutable());
    }
}
