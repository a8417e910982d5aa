namespace Monitoring.Core.State;

/// <summary>When a state write may happen: always, only if the key is absent, or only if its ETag still matches.</summary>
public sealed record StateWriteCondition
{
    private StateWriteCondition(string? ifMatch, bool ifAbsent)
    {
        IfMatchETag = ifMatch;
        MustBeAbsent = ifAbsent;
    }

    /// <summary>Write unconditionally (insert or replace).</summary>
    public static StateWriteCondition Always { get; } = new(null, false);

    /// <summary>Write only if no entry exists (insert).</summary>
    public static StateWriteCondition IfAbsent { get; } = new(null, true);

    /// <summary>Write only if the entry exists with this ETag (optimistic replace).</summary>
    public static StateWriteCondition IfMatch(string etag)
    {
        ArgumentException.ThrowIfNullOrEmpty(etag);
        return new(etag, false);
    }

    /// <summary>The ETag that must match, for <see cref="IfMatch"/>.</summary>
    public string? IfMatchETag { get; }

    /// <summary>True for <see cref="IfAbsent"/>.</summary>
    public bool MustBeAbsent { get; }
}
