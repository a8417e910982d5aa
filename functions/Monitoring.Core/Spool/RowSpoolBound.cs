namespace Monitoring.Core.Spool;

/// <summary>
/// The most one stream's spool holds. Each stream has its own bound, so a flood of one table's rows (check runs)
/// never pushes out another's (alert transitions, heartbeats).
/// </summary>
/// <param name="MaxRows">Rows per stream.</param>
/// <param name="MaxBytes">UTF-8 bytes of rows per stream.</param>
public sealed record RowSpoolBound(long MaxRows, long MaxBytes)
{
    /// <summary>
    /// 100,000 rows and 100 MiB per stream: at 20 checks every 10 seconds, about 14 hours of check runs, far beyond
    /// a regional Log Analytics outage, and a size both SQLite and a Table partition handle without strain.
    /// </summary>
    public static RowSpoolBound Default { get; } = new(100_000, 100L * 1024 * 1024);

    /// <summary>Rows per stream; at least 1.</summary>
    public long MaxRows { get; } = MaxRows >= 1 ? MaxRows : throw new ArgumentOutOfRangeException(nameof(MaxRows), MaxRows, "A spool bound must allow at least one row.");

    /// <summary>Bytes per stream; at least 1.</summary>
    public long MaxBytes { get; } = MaxBytes >= 1 ? MaxBytes : throw new ArgumentOutOfRangeException(nameof(MaxBytes), MaxBytes, "A spool bound must allow at least one byte.");
}
