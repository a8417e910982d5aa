using System.Globalization;
using Monitoring.Core.Alerting;
using Monitoring.Core.DataChecks;
using Monitoring.Core.Ports;
using Monitoring.Core.Results;
using Monitoring.Core.Slo;
using Monitoring.Functions.Alerting;
using Monitoring.Functions.Hosting;
using Monitoring.Functions.Invocation;

namespace Monitoring.Functions.SloEvaluation;

/// <summary>
/// The every-minute SLO timer: one read of every SLO's window counts, a pure evaluation per SLO, one
/// <c>MonitorSloStatus_CL</c> row per SLO, and the latest statuses published for the API.
/// </summary>
public sealed partial class SloEvaluationFunction(
    SpecProvider spec,
    ISliReader reader,
    IResultsWriter results,
    SloStatusBoard board,
    AlertingCycle alerting,
    TimeProvider time,
    ILogger<SloEvaluationFunction> logger) : IFunctionHandler
{
    /// <inheritdoc/>
    public string FunctionName => "SloEvaluation";

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var slos = spec.Spec.Slos;
        if (slos.IsEmpty)
        {
            board.Publish([]);
            return ["No SLOs declared."];
        }

        var now = time.GetUtcNow();
        var counts = await reader.ReadAsync([.. slos.Select(SliQuery.For)], now, BurnRateEvaluator.WindowsFor(slos), cancellationToken);
        var statuses = slos.Select((slo, i) => BurnRateEvaluator.Evaluate(slo, counts[i], now)).ToList();
        await results.AppendAsync([.. statuses.Select(SloStatusRows.ToRow)], cancellationToken);
        board.Publish(statuses);

        // Burn rates feed the one alert engine: a page, a ticket under it, and no-data, per evaluable SLO.
        var observations = statuses
            .Where(s => s.NotEvaluableReason is null)
            .SelectMany(Observe)
            .ToList();
        await alerting.ObserveAsync(observations, now, cancellationToken);

        foreach (var status in statuses)
        {
            var state = SloStatusRows.WireName(status.AlertState);
            LogEvaluated(logger, status.Slo.Name, state, status.Attainment, status.BudgetRemaining, status.NotEvaluableReason);
        }

        return [string.Create(CultureInfo.InvariantCulture,
            $"Evaluated {statuses.Count} SLOs: {statuses.Count(s => s.AlertState == SloAlertState.Page)} page, " +
            $"{statuses.Count(s => s.AlertState == SloAlertState.Ticket)} ticket, {statuses.Count(s => s.NotEvaluableReason is not null)} not evaluable.")];
    }

    // The check the SLI counts has its own failing alert (a freshness SLI: its data check's freshness alert); the
    // SLO's alerts are absorbed while it is open.
    private IReadOnlyList<AlertObservation> Observe(SloStatus status)
    {
        var service = status.Slo.Service is { } name ? spec.Spec.Services.GetValueOrDefault(name) : null;
        return SloBurnAlerts.Observe(status, service, SourceAlert(status.Slo));
    }

    private AlertDefinition? SourceAlert(Core.Spec.SloSpec slo)
    {
        if (slo.Sli is Core.Spec.FreshnessSli freshness && spec.Spec.FindDataCheck(freshness.DataCheck) is { } dataCheck)
        {
            return DataCheckAlerts.Define(dataCheck, OwnerOf(dataCheck.Service), DataRuleKinds.Freshness);
        }

        var check = SloBurnAlerts.SliCheck(slo) is { } checkName ? spec.Spec.FindCheck(checkName) : null;
        return check is null ? null : CheckAlerts.Failing(check, OwnerOf(check.Service));
    }

    private Core.Spec.ServiceSpec? OwnerOf(string? service) => service is null ? null : spec.Spec.Services.GetValueOrDefault(service);

    [LoggerMessage(EventId = 500, Level = LogLevel.Information, Message = "SLO {SloName} alert {AlertState}, attainment {Attainment}, budget remaining {BudgetRemaining}, not evaluable: {NotEvaluableReason}")]
    private static partial void LogEvaluated(ILogger logger, string sloName, string alertState, double? attainment, double? budgetRemaining, string? notEvaluableReason);
}
