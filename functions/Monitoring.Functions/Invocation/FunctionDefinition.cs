namespace Monitoring.Functions.Invocation;

/// <summary>How a function is triggered.</summary>
public enum TriggerKind
{
    /// <summary>A timer (NCRONTAB schedule).</summary>
    Timer,

    /// <summary>An HTTP request, proxied to the app at its original path.</summary>
    Http,

    /// <summary>A storage queue message.</summary>
    Queue,
}

/// <summary>A function as declared by its <c>&lt;Name&gt;/function.json</c>.</summary>
/// <param name="Name">The folder name, which is the function name.</param>
/// <param name="Trigger">How it is triggered.</param>
/// <param name="TriggerBinding">The trigger binding.</param>
/// <param name="Bindings">Every binding.</param>
public sealed record FunctionDefinition(string Name, TriggerKind Trigger, BindingDefinition TriggerBinding, IReadOnlyList<BindingDefinition> Bindings)
{
    /// <summary>The proxied path of an HTTP function (<c>api/</c> + route), or null for other triggers.</summary>
    public string? HttpPath => Trigger == TriggerKind.Http ? "api/" + (TriggerBinding.Route ?? Name) : null;

    /// <summary>True when the host requires a function key for this HTTP function.</summary>
    public bool RequiresFunctionKey => Trigger == TriggerKind.Http && !string.Equals(TriggerBinding.AuthLevel, "anonymous", StringComparison.OrdinalIgnoreCase);
}
