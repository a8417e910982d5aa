using Monitoring.Core.Slo;

namespace Monitoring.Core.Results;

/// <summary>Maps SLO evaluations to <see cref="MonitorTables.SloStatus"/> rows.</summary>
public static class SloStatusRows
{
    /// <summary>The row for <paramref name="status"/>. Ratios of empty windows are null, never zero.</summary>
    public static TableRow ToRow(SloStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        double? Burn(TimeSpan window) => status.BurnRates.TryGetValue(window, out var rate) && rate is { } value ? Math.Round(value, 6) : null;
        return new TableRow(MonitorTables.SloStatus,
        [
            status.EvaluatedAt.ToUniversalTime(),
            status.Slo.Name,
            status.Slo.Service,
            status.Slo.Objective,
            (int)status.Slo.Period.TotalDays,
            status.Period.Good,
            status.Period.Total,
            status.Attainment is { } attainment ? Math.Round(attainment, 6) : null,
            status.BudgetRemaining is { } remaining ? Math.Round(remaining, 6) : null,
            Burn(TimeSpan.FromMinutes(5)),
            Burn(TimeSpan.FromMinutes(30)),
            Burn(TimeSpan.FromHours(1)),
            Burn(TimeSpan.FromHours(2)),
            Burn(TimeSpan.FromHours(6)),
            Burn(TimeSpan.FromDays(1)),
            Burn(TimeSpan.FromDays(3)),
            WireName(status.AlertState),
        ]);
    }

    /// <summary>The alert state as the table and the API write it: none, ticket or page.</summary>
    public static string WireName(SloAlertState state) => state switch
    {
        SloAlertState.Page => "page",
        SloAlertState.Ticket => "ticket",
        _ => "none",
    };
}
