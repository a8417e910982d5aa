namespace Monitoring.Core.Spool;

/// <summary>What one stream's spool holds and has dropped.</summary>
/// <param name="Stream">The stream.</param>
/// <param name="Rows">Rows waiting for delivery.</param>
/// <param name="Bytes">Their UTF-8 bytes.</param>
/// <param name="OldestSpooledAt">When the oldest waiting row was appended, or null when none waits.</param>
/// <param name="DroppedRows">Rows dropped so far because the stream passed its bound (never reset).</param>
public sealed record StreamSpoolSize(string Stream, long Rows, long Bytes, DateTimeOffset? OldestSpooledAt, long DroppedRows);
