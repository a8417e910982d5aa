namespace Monitoring.Functions.Demo.Feed;

/// <summary>The body of <c>PUT /demo/feed/fault</c>; every field is optional and an absent one is off.</summary>
/// <param name="Stopped">True: no new orders arrive from now on. Default false.</param>
/// <param name="Empty">True: the feed answers no orders. Default false.</param>
/// <param name="DropColumn">An order field to remove from every order: one of <see cref="DemoFeedFields.All"/>. Default none.</param>
internal sealed record DemoFeedFaultRequest(bool? Stopped, bool? Empty, string? DropColumn)
{
    /// <summary>Every problem with the request, keyed by field name; empty when it is valid.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (DropColumn is not null && !DemoFeedFields.All.Contains(DropColumn, StringComparer.Ordinal))
        {
            errors["dropColumn"] = [$"dropColumn must be one of the order fields {string.Join(", ", DemoFeedFields.All)}. It was '{DropColumn}'."];
        }

        return errors;
    }
}
