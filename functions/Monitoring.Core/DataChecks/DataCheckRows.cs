using Monitoring.Core.Results;

namespace Monitoring.Core.DataChecks;

/// <summary>Maps data-check evaluations to <see cref="MonitorTables.DataCheck"/> rows.</summary>
public static class DataCheckRows
{
    /// <summary>One row per result of <paramref name="evaluation"/>.</summary>
    public static IReadOnlyList<TableRow> ToRows(Spec.DataCheckSpec check, DataCheckEvaluation evaluation) => throw new NotImplementedException();
}
