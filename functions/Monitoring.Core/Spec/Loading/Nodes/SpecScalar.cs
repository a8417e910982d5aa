namespace Monitoring.Core.Spec.Loading.Nodes;

/// <summary>A single value: text, number, boolean or null.</summary>
internal sealed class SpecScalar(string text, ScalarKind kind, int line, int column) : SpecNode(line, column)
{
    /// <summary>The value as written (numbers in invariant culture); empty for null.</summary>
    public string Text { get; } = text;

    /// <summary>How the value was typed.</summary>
    public ScalarKind Kind { get; } = kind;

    /// <inheritdoc/>
    public override string Description => Kind switch
    {
        ScalarKind.Null => "null",
        ScalarKind.Boolean => "a boolean",
        ScalarKind.Integer or ScalarKind.Float => "a number",
        _ => "a string",
    };
}
