namespace Monitoring.Functions.Demo.Feed;

/// <summary>What the orders feed answers at one moment.</summary>
/// <param name="GeneratedAt">When the answer was made.</param>
/// <param name="LastOrderAt">When the newest order the feed received arrived, even one older than the listed hour or hidden by <c>empty</c>.</param>
/// <param name="Orders">The listed orders, newest first.</param>
/// <param name="DropColumn">The order field the answer leaves out; null for none.</param>
internal sealed record DemoFeedSnapshot(DateTimeOffset GeneratedAt, DateTimeOffset LastOrderAt, IReadOnlyList<DemoFeedOrder> Orders, string? DropColumn);
