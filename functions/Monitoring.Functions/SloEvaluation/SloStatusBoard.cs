using System.Collections.Immutable;
using Monitoring.Core.Slo;

namespace Monitoring.Functions.SloEvaluation;

/// <summary>The latest evaluation of every SLO, kept in memory for <c>GET /api/slos</c>; the table keeps the history.</summary>
public sealed class SloStatusBoard
{
    private ImmutableDictionary<string, SloStatus> _latest = ImmutableDictionary<string, SloStatus>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>The latest status per SLO name.</summary>
    public ImmutableDictionary<string, SloStatus> Latest => Volatile.Read(ref _latest);

    /// <summary>Replaces the statuses of one cycle at once, so a reader never sees half a cycle.</summary>
    public void Publish(IEnumerable<SloStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        Volatile.Write(ref _latest, statuses.ToImmutableDictionary(s => s.Slo.Name, StringComparer.Ordinal));
    }
}
