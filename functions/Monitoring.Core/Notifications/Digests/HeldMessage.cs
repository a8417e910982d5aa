namespace Monitoring.Core.Notifications.Digests;

/// <summary>A message an email channel holds until its next digest.</summary>
/// <param name="Id">Unique per hold, so a caller can tell whether a digest carried its message.</param>
/// <param name="HeldAt">When the channel took it (UTC).</param>
/// <param name="Message">What the dispatcher handed over.</param>
public sealed record HeldMessage(string Id, DateTimeOffset HeldAt, NotificationMessage Message);
