using Monitoring.Core.Checks;

namespace Monitoring.Core.Ports;

/// <summary>Reads recent check runs back, for the status API and page.</summary>
public interface ICheckRunHistory
{
    /// <summary>The newest runs of <paramref name="checkName"/>, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<CheckRunResult>> GetRecentRunsAsync(string checkName, int limit, CancellationToken cancellationToken);

    /// <summary>For every check that has runs: its newest runs, newest first, at most <paramref name="limitPerCheck"/> each.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<CheckRunResult>>> GetRecentRunsByCheckAsync(int limitPerCheck, CancellationToken cancellationToken);
}
