using System.Collections.Immutable;

namespace Monitoring.Core.Spec.Validation;

/// <summary>The variables defined at one point of a check, so a template can only use what exists when it is rendered.</summary>
internal sealed class VariableScope
{
    private readonly ImmutableHashSet<string> defined;
    private readonly ImmutableDictionary<string, string> extractedLater;
    private readonly string? unavailableReason;

    private VariableScope(ImmutableHashSet<string> defined, ImmutableDictionary<string, string> extractedLater, string? unavailableReason = null)
    {
        this.defined = defined;
        this.extractedLater = extractedLater;
        this.unavailableReason = unavailableReason;
    }

    /// <summary>No variables at all.</summary>
    public static VariableScope Empty { get; } = new([], ImmutableDictionary<string, string>.Empty);

    /// <summary>
    /// A place where variables do not exist (data checks have none), so a reference says that rather than suggesting
    /// where to define one.
    /// </summary>
    public static VariableScope Unavailable(string reason) => new([], ImmutableDictionary<string, string>.Empty, reason);

    /// <summary>True when <paramref name="name"/> is defined here.</summary>
    public bool IsDefined(string name) => defined.Contains(name);

    /// <summary>This scope plus <paramref name="name"/>.</summary>
    public VariableScope Define(string name) => new(defined.Add(name), extractedLater, unavailableReason);

    /// <summary>This scope, knowing which later step extracts which variable (for better messages).</summary>
    public VariableScope WithLaterExtractions(ImmutableDictionary<string, string> variableToStep) => new(defined, variableToStep, unavailableReason);

    /// <summary>Why <paramref name="name"/> cannot be used here.</summary>
    public string UndefinedMessage(string name) =>
        unavailableReason is not null
            ? $"variable '{name}' cannot be used here: {unavailableReason}"
            : extractedLater.TryGetValue(name, out var step)
            ? $"variable '{name}' is used before it is defined: step '{step}' extracts it later"
            : $"variable '{name}' is used before it is defined: define it in defaults.variables, the check's variables or an earlier step's extract";
}
