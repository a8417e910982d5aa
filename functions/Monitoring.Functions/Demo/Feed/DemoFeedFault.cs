namespace Monitoring.Functions.Demo.Feed;

/// <summary>What is wrong with the orders feed, on purpose.</summary>
/// <param name="StoppedAt">When the feed stopped receiving orders; null while it receives them.</param>
/// <param name="Empty">True: the feed answers no orders.</param>
/// <param name="DropColumn">The order field removed from every order (one of <see cref="DemoFeedFields.All"/>); null for none.</param>
internal sealed record DemoFeedFault(DateTimeOffset? StoppedAt, bool Empty, string? DropColumn)
{
    /// <summary>No fault: the feed works.</summary>
    public static DemoFeedFault None { get; } = new(null, false, null);
}
