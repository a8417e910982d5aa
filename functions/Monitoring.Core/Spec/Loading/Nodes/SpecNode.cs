namespace Monitoring.Core.Spec.Loading.Nodes;

/// <summary>A node of the format-neutral tree that YAML and JSON are both read into, with where it was written.</summary>
internal abstract class SpecNode(int line, int column)
{
    /// <summary>The 1-based line.</summary>
    public int Line { get; } = line;

    /// <summary>The 1-based column.</summary>
    public int Column { get; } = column;

    /// <summary>What the node is, for messages: "a mapping", "a list", "a number", ...</summary>
    public abstract string Description { get; }
}
