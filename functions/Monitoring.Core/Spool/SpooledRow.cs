using System.Text;

namespace Monitoring.Core.Spool;

/// <summary>One row held by a spool, as read back.</summary>
/// <param name="Id">The spool's id for the row, unique and never reused; it orders rows of a stream oldest first.</param>
/// <param name="Row">The row's text, as appended.</param>
/// <param name="SpooledAt">When it was appended (UTC, whole milliseconds).</param>
public sealed record SpooledRow(string Id, string Row, DateTimeOffset SpooledAt)
{
    /// <summary>The row's size as counted against the bound: its UTF-8 bytes.</summary>
    public long Bytes => Encoding.UTF8.GetByteCount(Row);
}
