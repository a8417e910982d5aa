namespace Monitoring.Functions.Demo.Feed;

/// <summary>The orders feed's fault as its fault API shows it.</summary>
/// <param name="Stopped">True when the feed receives no new orders.</param>
/// <param name="StoppedAt">When it stopped (UTC); null unless stopped.</param>
/// <param name="Empty">True when the feed answers no orders.</param>
/// <param name="DropColumn">The field removed from every order; null for none.</param>
internal sealed record DemoFeedFaultView(bool Stopped, DateTime? StoppedAt, bool Empty, string? DropColumn)
{
    /// <summary>Shows a fault.</summary>
    public static DemoFeedFaultView From(DemoFeedFault fault) =>
        new(fault.StoppedAt is not null, fault.StoppedAt?.UtcDateTime, fault.Empty, fault.DropColumn);
}
