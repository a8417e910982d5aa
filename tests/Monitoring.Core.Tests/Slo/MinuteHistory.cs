using System.Collections.Immutable;
using Monitoring.Core.Slo;
using Monitoring.Core.Spec;

namespace Monitoring.Core.Tests.Slo;

/// <summary>A simulated per-minute (good, total) series with prefix sums, answering window counts the way an SLI reader would.</summary>
internal sealed class MinuteHistory
{
    private readonly long[] _goodPrefix;
    private readonly long[] _totalPrefix;

    public MinuteHistory(IReadOnlyList<WindowCounts> minutes)
    {
        _goodPrefix = new long[minutes.Count + 1];
        _totalPrefix = new long[minutes.Count + 1];
        for (var i = 0; i < minutes.Count; i++)
        {
            _goodPrefix[i + 1] = _goodPrefix[i] + minutes[i].Good;
            _totalPrefix[i + 1] = _totalPrefix[i] + minutes[i].Total;
        }
    }

    public int Length => _goodPrefix.Length - 1;

    /// <summary>The counts of the <paramref name="window"/> ending with minute <paramref name="minute"/> (inclusive).</summary>
    public WindowCounts CountsAt(int minute, TimeSpan window)
    {
        var end = minute + 1;
        var start = Math.Max(0, end - (int)Math.Ceiling(window.TotalMinutes));
        return new WindowCounts(_goodPrefix[end] - _goodPrefix[start], _totalPrefix[end] - _totalPrefix[start]);
    }

    /// <summary>What the reader answers for <paramref name="slo"/> at the end of <paramref name="minute"/>.</summary>
    public SliWindowCounts At(SloSpec slo, int minute) =>
        new(slo.Name, BurnRateEvaluator.WindowsFor([slo]).ToImmutableDictionary(w => w, w => CountsAt(minute, w)));

    /// <summary>Evaluates <paramref name="slo"/> at every minute from <paramref name="from"/> and returns the alert state per minute.</summary>
    public IEnumerable<(int Minute, SloStatus Status)> Evaluate(SloSpec slo, int from)
    {
        for (var minute = from; minute < Length; minute++)
        {
            yield return (minute, BurnRateEvaluator.Evaluate(slo, At(slo, minute), SloFixtures.Start.AddMinutes(minute + 1)));
        }
    }
}
