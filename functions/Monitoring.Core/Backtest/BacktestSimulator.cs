using System.Collections.Immutable;
using Monitoring.Core.Alerting;
using Monitoring.Core.Slo;
using Monitoring.Core.Spec;
using Monitoring.Core.State;

namespace Monitoring.Core.Backtest;

/// <summary>
/// Runs a scenario through the product's real alerting in simulated time, on an in-memory state store: for check
/// events, every run (with the product's confirmation runs, on 10-second ticks) observed by the check's failing
/// alert; every minute, window counts as the SLI reader would answer them, <see cref="BurnRateEvaluator.Evaluate"/>
/// and the SLO's page, ticket and no-data observations; and the scenario's maintenance windows as the engine's
/// scheduled silences, exactly as the app passes the spec's windows.
/// </summary>
public static class BacktestSimulator
{
    /// <summary>The service every simulated alert belongs to; maintenance windows match it.</summary>
    public const string Service = "backtest";

    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(10);

    /// <summary>Runs <paramref name="scenario"/> and returns its notifications.</summary>
    public static async Task<BacktestRun> RunAsync(BacktestScenario scenario, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var slo = scenario.Slo with { Service = Service };
        var windows = BurnRateEvaluator.WindowsFor([slo]);
        var maintenance = scenario.Maintenance.Select(MaintenanceSilence).ToImmutableArray();
        var engine = new AlertEngine(new InMemoryStateStore(yieldOnEachCall: false), at => maintenance.Where(s => s.IsActiveAt(at)));
        var checkAlert = scenario.SimulatesCheckRuns ? CheckAlert(scenario) : null;
        var series = new BacktestSeries(scenario);
        var random = new Random(scenario.Seed);
        var notifications = ImmutableArray.CreateBuilder<AlertTransition>();
        var nextRun = TimeSpan.Zero;
        for (var minute = 0; minute < scenario.Minutes; minute++)
        {
            if (checkAlert is null)
            {
                series.Append(BacktestSeries.RequestMinute(scenario, random, minute));
            }
            else
            {
                var (counts, next) = await RunChecksAsync(scenario, checkAlert, engine, random, minute, nextRun, notifications, cancellationToken).ConfigureAwait(false);
                series.Append(counts);
                nextRun = next;
            }

            // Evaluated at the end of the minute, so the minute's events are in every window.
            var now = BacktestRun.Start.AddMinutes(minute + 1);
            var windowCounts = new SliWindowCounts(slo.Name, windows.ToImmutableDictionary(w => w, w => series.Window(minute, w)));
            var status = BurnRateEvaluator.Evaluate(slo, windowCounts, now);
            var transitions = await engine.EvaluateAsync(SloBurnAlerts.Observe(status, checkAlert: checkAlert), now, cancellationToken).ConfigureAwait(false);
            notifications.AddRange(transitions.Where(t => t.Notify != AlertNotifyKind.None));
        }

        return new BacktestRun(scenario, series, notifications.ToImmutable());
    }

    /// <summary>The check's failing alert as the product defines it, with the scenario's thresholds.</summary>
    public static AlertDefinition CheckAlert(BacktestScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var check = new CheckSpec(
            scenario.Slo.Name, Service, Description: null, Enabled: true, TimeSpan.FromMinutes(1) / scenario.CheckRate, Retries: 0, TimeSpan.FromSeconds(30),
            DegradedAfter: null, VerifyTls: true, Location: Service, ImmutableDictionary<string, string>.Empty, [], [])
        {
            Alert = scenario.CheckAlert,
        };
        return CheckAlerts.Failing(check, service: null);
    }

    // One minute of check runs on 10-second ticks: a run is due at its interval, or on the next tick when the
    // failing alert asks to confirm what the last run saw, exactly as the app's schedule does.
    private static async Task<(WindowCounts Counts, TimeSpan NextRun)> RunChecksAsync(
        BacktestScenario scenario,
        AlertDefinition checkAlert,
        AlertEngine engine,
        Random random,
        int minute,
        TimeSpan nextRun,
        ImmutableArray<AlertTransition>.Builder notifications,
        CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromMinutes(1) / scenario.CheckRate;
        long good = 0, total = 0;
        for (var tick = TimeSpan.FromMinutes(minute); tick < TimeSpan.FromMinutes(minute + 1); tick += Tick)
        {
            if (tick < nextRun)
            {
                continue;
            }

            nextRun = tick + interval;
            if (scenario.ErrorRateAt(tick) is not { } errorRate)
            {
                // No data: the check makes no runs, so its alert sees nothing either.
                continue;
            }

            var failed = errorRate >= 1 || (errorRate > 0 && random.NextDouble() < errorRate);
            total++;
            good += failed ? 0 : 1;
            var at = BacktestRun.Start + tick;
            var observation = new AlertObservation(checkAlert, failed, failed ? "The check failed." : "The check passed.", at);
            // The minute-end evaluation re-checks silences, so a run needs only its own observation taken.
            var transitions = await engine.ObserveAsync(observation, cancellationToken).ConfigureAwait(false);
            notifications.AddRange(transitions.Where(t => t.Notify != AlertNotifyKind.None));
            if (CheckAlerts.NeedsConfirmation(await engine.GetAsync(checkAlert.Key, cancellationToken).ConfigureAwait(false), failed))
            {
                nextRun = tick + Tick;
            }
        }

        return (new WindowCounts(good, total), nextRun);
    }

    private static Silence MaintenanceSilence(BacktestMaintenance window, int index) => new()
    {
        Id = "maintenance:" + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Matchers = [new AlertMatcher("service", Service)],
        StartsAt = BacktestRun.Start + window.Start,
        EndsAt = BacktestRun.Start + window.End,
    };
}
